package org.nre.hostapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of the host API carries a Javadoc comment. (The compiler's doclint checks
 * that the comments are well formed; this checks that none is missing, compact constructors included.)
 */
class PublicApiDocumentationTest {

    static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPublicTypeAndMemberHasJavadoc() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> missing = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
             Stream<Path> walk = Files.walk(SOURCES)) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("--release", "17", "-proc:none"),
                    null, files.getJavaFileObjectsFromPaths(sources));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    private final List<Boolean> publicScope = new ArrayList<>();

                    @Override
                    public Void visitClass(ClassTree node, Void unused) {
                        boolean visible = isVisible(node.getModifiers().getFlags(), true);
                        if (visible) {
                            check(node.getSimpleName().toString());
                        }
                        publicScope.add(visible);
                        super.visitClass(node, unused);
                        publicScope.remove(publicScope.size() - 1);
                        return null;
                    }

                    @Override
                    public Void visitMethod(MethodTree node, Void unused) {
                        if (inPublicType() && isVisible(node.getModifiers().getFlags(), isInterface())) {
                            check(node.getName().toString());
                        }
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree node, Void unused) {
                        boolean field = getCurrentPath().getParentPath().getLeaf() instanceof ClassTree;
                        if (field && inPublicType() && !isRecordComponent(node)
                                && isVisible(node.getModifiers().getFlags(), isInterface())) {
                            check(node.getName().toString());
                        }
                        return null;
                    }

                    private boolean isRecordComponent(VariableTree node) {
                        return isRecord() && !node.getModifiers().getFlags().contains(Modifier.STATIC);
                    }

                    private boolean isRecord() {
                        return enclosingClass().getKind() == Tree.Kind.RECORD;
                    }

                    private boolean isInterface() {
                        Tree.Kind kind = enclosingClass().getKind();
                        return kind == Tree.Kind.INTERFACE || kind == Tree.Kind.ANNOTATION_TYPE;
                    }

                    private ClassTree enclosingClass() {
                        TreePath path = getCurrentPath();
                        while (!(path.getLeaf() instanceof ClassTree)) {
                            path = path.getParentPath();
                        }
                        if (path == getCurrentPath()) {
                            path = path.getParentPath();
                            while (!(path.getLeaf() instanceof ClassTree)) {
                                path = path.getParentPath();
                            }
                        }
                        return (ClassTree) path.getLeaf();
                    }

                    private boolean inPublicType() {
                        return !publicScope.isEmpty() && !publicScope.contains(false);
                    }

                    private boolean isVisible(java.util.Set<Modifier> flags, boolean publicByDefault) {
                        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                                || (publicByDefault && !flags.contains(Modifier.PRIVATE));
                    }

                    private void check(String name) {
                        DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
                        if (comment == null || comment.getFirstSentence().isEmpty()) {
                            missing.add(unit.getSourceFile().getName() + ": " + name);
                        }
                    }
                }.scan(unit, null);
            }
        }
        assertThat(missing).as("public types and members without Javadoc").isEmpty();
    }
}
