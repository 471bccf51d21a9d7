package ru.soko.requisites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IssuerDirectoryTest {

    private static final IssuerDirectory DIRECTORY = IssuerDirectory.load(Optional.of(Path.of("index-config")));

    @ParameterizedTest
    @ValueSource(strings = {
        "МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА",
        "Минобразования Кузбасса",
        "приказом министерства\nобразования Кузбасса",
        "АТТЕСТАЦИОННАЯ КОМИССИЯ МИНИСТЕРСТВА ОБРАЗОВАНИЯ КУЗБАССА"})
    void everySpellingOfTheMinistryMapsToOneCanonicalName(String text) {
        assertEquals("Министерство образования Кузбасса", DIRECTORY.recognise(text).orElseThrow().name());
    }

    @Test
    void shortFormOfTheInstituteMapsToItsFullName() {
        assertEquals("ГОУ ДПО «Кузбасский региональный институт повышения квалификации и переподготовки работников образования»",
                DIRECTORY.recognise("Ректор КРИПКиПРО").orElseThrow().name());
    }

    @Test
    void municipalAuthorityWrittenAdministrationFirstIsRecognised() {
        Issuer uo = DIRECTORY.recognise("АДМИНИСТРАЦИЯ ГОРОДА КЕМЕРОВО\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ").orElseThrow();
        assertEquals("Управление образования администрации города Кемерово", uo.name());
        assertEquals("Кемеровский городской округ", uo.municipality());
    }

    @Test
    void schoolNumbersAreNotConfused() {
        assertEquals("org-kem-12", DIRECTORY.recognise("МБОУ «СОШ № 12»").orElseThrow().orgId());
        assertTrue(DIRECTORY.recognise("МБОУ «СОШ № 121»").isEmpty());
    }

    @Test
    void loadsFromTheClasspathWithoutAConfigDirectory() {
        assertTrue(IssuerDirectory.load(Optional.empty()).all().size() >= 20);
    }

    @Test
    void bareTownHasItsCanonicalPlace() {
        assertEquals("р.п. Старая Майна", DIRECTORY.placeOfTown("Старая Майна").orElseThrow());
    }
}
