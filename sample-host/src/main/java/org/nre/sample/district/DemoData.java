package org.nre.sample.district;

import java.io.PrintStream;
import java.util.List;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.auth.NewPassword;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;

/**
 * The demo a default run starts with: a district with schools and census localities, its staff (a district
 * system administrator, their backup, a registrar, a counselor and a teacher) and groups. No tool right is
 * granted: deciding who holds a tool's right is the first thing to try.
 */
public final class DemoData {

    public static final List<Account> STAFF = List.of(
            new Account("u-sysadmin", "sysadmin", "Alex", "Morgan", false, false, false),
            new Account("u-backup", "backup", "Sam", "Rivera", false, false, false),
            new Account("u-registrar", "registrar", "Lee", "Chen", false, false, false),
            new Account("u-counselor", "counselor", "Nina", "Patel", false, false, false),
            new Account("u-teacher", "teacher", "Chris", "Okafor", false, false, false));

    public static final List<Group> GROUPS = List.of(
            new Group("g-sysadmins", "System Administrators", "The district system administrator and their backup",
                    List.of("u-sysadmin", "u-backup")),
            new Group("g-registrars", "Registrars", "Staff who keep student records", List.of("u-registrar")),
            new Group("g-staff", "All Staff", "Everyone at the district office",
                    List.of("u-sysadmin", "u-backup", "u-registrar", "u-counselor", "u-teacher")));

    private DemoData() {
    }

    /** Seeds the district once, on a console that has none yet. */
    public static void seedDistrict(DistrictStore district) {
        if (district.current().isEmpty()) {
            district.replace(DemoDistrict.district());
        }
    }

    /** Seeds the staff and groups once, on a console that has none of them yet. */
    public static void seedStaff(UserStore users, GroupStore groups, RightsStore rights, NewPassword password,
                                 AuditStore audit, PrintStream console) {
        if (users.byLogin(STAFF.get(0).login()).isPresent()) {
            return;
        }
        String hash = password.hash();
        for (Account account : STAFF) {
            users.create(account, hash);
        }
        GROUPS.forEach(groups::create);
        rights.changed();
        audit.record(AuditStore.HOST_SOURCE, ActingUser.system(), "demo.seeded", "Seeded the demo district, "
                + STAFF.size() + " staff and " + GROUPS.size() + " groups");
        console.println();
        console.println("==================================================================");
        console.println(" Demo district seeded. Its staff sign in as sysadmin (district system");
        console.println(" administrator), backup, registrar, counselor or teacher, with "
                + (password.generated() ? "the password:" : "NRE_DEMO_PASSWORD."));
        if (password.generated()) {
            console.println();
            console.println("     " + password.text());
            console.println();
            console.println(" It is shown only now. (Set NRE_DEMO_PASSWORD before the first start to choose it.)");
        }
        console.println("==================================================================");
        console.println();
        console.flush();
    }
}
