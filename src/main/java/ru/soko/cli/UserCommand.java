package ru.soko.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;
import ru.soko.access.Role;
import ru.soko.users.User;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Учётные записи сайта: эксперты, аудиторы, администраторы.",
                "Первого администратора создаёт команда «user add --role admin ИМЯ»."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Password.class,
                UserCommand.SetRole.class, UserCommand.Disable.class, UserCommand.Token.class})
public final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "укажите add, list, passwd, role, disable или token");
    }

    /** Options every subcommand shares: the data folder and who the change is recorded under. */
    static class Common {
        @Mixin
        DataOption data;

        @Option(names = "--as", paramLabel = "NAME", description = "Кто вносит изменение (для журнала).")
        String actor;

        @Spec
        CommandSpec spec;

        String who() {
            return DataOption.actor(actor);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Добавляет пользователя. Пароль спрашивается дважды "
            + "или читается из первой строки ввода с --password-stdin.")
    static final class Add extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Имя для входа.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "expert, auditor или admin.")
        String role;

        @Option(names = "--password-stdin", description = "Прочитать пароль из стандартного ввода.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.ofAccount(role);
            String password = readPassword(passwordStdin, spec);
            try (Archive archive = Archive.open(data.config())) {
                User user = archive.users().add(name, parsed, password, who());
                spec.commandLine().getOut().println("Добавлен пользователь " + user.name() + " (" + user.role().title() + ").");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Список пользователей.")
    static final class ListUsers extends Common implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Archive archive = Archive.open(data.config())) {
                for (User u : archive.users().list()) {
                    spec.commandLine().getOut().printf("%-20s %-14s %s%n", u.name(), u.role().title(), u.disabled() ? "отключён" : "активен");
                }
            }
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Задаёт новый пароль.")
    static final class Password extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "Прочитать пароль из стандартного ввода.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            String password = readPassword(passwordStdin, spec);
            try (Archive archive = Archive.open(data.config())) {
                archive.users().setPassword(name, password, who());
                spec.commandLine().getOut().println("Пароль пользователя " + name + " изменён.");
            }
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Меняет роль пользователя.")
    static final class SetRole extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "expert, auditor или admin.")
        String role;

        @Override
        public Integer call() {
            try (Archive archive = Archive.open(data.config())) {
                archive.users().setRole(name, Role.ofAccount(role), who());
                spec.commandLine().getOut().println("Роль пользователя " + name + ": " + Role.ofAccount(role).title() + ".");
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Отключает (или с --enable включает) учётную запись.")
    static final class Disable extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--enable", description = "Включить снова.")
        boolean enable;

        @Override
        public Integer call() {
            try (Archive archive = Archive.open(data.config())) {
                archive.users().setDisabled(name, !enable, who());
                spec.commandLine().getOut().println("Пользователь " + name + (enable ? " включён." : " отключён."));
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Выдаёт токен API для загрузки и правки (заголовок Authorization: Bearer ТОКЕН). Токен показывается один раз.")
    static final class Token extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--label", paramLabel = "TEXT", description = "Для чего токен (для журнала).")
        String label;

        @Override
        public Integer call() {
            try (Archive archive = Archive.open(data.config())) {
                spec.commandLine().getOut().println(archive.users().createToken(name, label, who()));
            }
            return 0;
        }
    }

    private static String readPassword(boolean fromStdin, CommandSpec spec) throws IOException {
        if (fromStdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("пароль не получен со стандартного ввода");
            }
            return line;
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("нет терминала для ввода пароля: используйте --password-stdin");
        }
        char[] first = console.readPassword("Пароль: ");
        char[] second = console.readPassword("Ещё раз: ");
        if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
            throw new IllegalArgumentException("пароли не совпадают");
        }
        return new String(first);
    }
}
