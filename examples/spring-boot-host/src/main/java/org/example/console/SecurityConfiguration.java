package org.example.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in, sessions and CSRF are the console's, here Spring Security's: form sign-in, every page for signed-in
 * users only, and a CSRF token required on every POST (the kit's forms carry it as {@code _csrf}).
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService users(ConsoleProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, ConsoleProperties.User> user : properties.users().entrySet()) {
            String password = user.getValue().password();
            // A password given plainly (from the environment) is hashed here; one with its {id} prefix is kept.
            String stored = password.startsWith("{") ? password : encoder.encode(password);
            users.add(User.withUsername(user.getKey()).password(stored).roles("STAFF").build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
