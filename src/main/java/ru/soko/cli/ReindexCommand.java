package ru.soko.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ru.soko.Archive;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Перестраивает поисковый индекс из каталога (файлы заново не разбираются).")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @picocli.CommandLine.Option(names = "--requisites",
            description = "Сначала заново прочитать реквизиты и ссылки из сохранённого текста (исправления администраторов сохраняются).")
    boolean requisites;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Archive archive = Archive.open(data.config())) {
            long started = System.nanoTime();
            long count = requisites ? archive.reextractRequisites() : archive.reindex();
            spec.commandLine().getOut().printf("Индекс перестроен: %d документов за %.1f с%n",
                    count, (System.nanoTime() - started) / 1e9);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
