package org.nre.sample.rights;

import java.util.List;
import java.util.Optional;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.notice.Addressee;
import org.nre.hostkit.notice.Addressees;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.UserStore;

/**
 * Who the console's notices reach: the enabled users who hold a right at a level, directly or through a group,
 * read from the right's grants, each with the e-mail address on their user page (if any).
 */
public final class NoticeAddressees implements Addressees {

    private static final String HOLDERS = """
            SELECT u.id, u.login, u.first_name, u.last_name, u.administrator, u.must_change_password, u.disabled,
                   u.email
              FROM host_user u
             WHERE u.disabled = FALSE AND u.id IN (
                   SELECT g.subject_id FROM host_grant g
                    WHERE g.right_id = ? AND g.subject_type = 'USER' AND g.levels LIKE ?
                   UNION
                   SELECT m.user_id FROM host_grant g JOIN host_group_member m ON m.group_id = g.subject_id
                    WHERE g.right_id = ? AND g.subject_type = 'GROUP' AND g.levels LIKE ?)
             ORDER BY u.last_name, u.first_name, u.login""";

    private final Jdbc jdbc;
    private final UserStore users;

    public NoticeAddressees(Jdbc jdbc, UserStore users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public List<Addressee> holdersOf(String rightId, Level level) {
        // Every level grants read: any grant of the right will do for read, else the level's letter.
        String letters = level == Level.READ ? "_%" : "%" + level.letter() + "%";
        return jdbc.list(HOLDERS, UserStore::account, rightId, letters, rightId, letters).stream()
                .map(NoticeAddressees::addressee).toList();
    }

    @Override
    public Optional<Addressee> user(String userId) {
        return users.byId(userId).filter(account -> !account.disabled()).map(NoticeAddressees::addressee);
    }

    private static Addressee addressee(Account account) {
        return new Addressee(account.id(), account.displayName(), account.hasEmail() ? account.email() : null);
    }
}
