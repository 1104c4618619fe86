package io.camelftplib.camel.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviours around single lines: dialect detection from SYST and from the lines, VMS versions, the recent-date
 * rule, two-digit years, the server's zone, configured date patterns and language, and option checks.
 */
class ListParserTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "215 UNIX Type: L8|UNIX",
        "215 Windows_NT|WINDOWS",
        "215 VMS|VMS",
        "215 OS/400 is the remote operating system. The TCP/IP version is \"V5R1M0\"|OS400",
        "215 MVS is the operating system of this server. FTP Server is running on z/OS.|MVS",
        "215 NETWARE  Type: L8|UNIX",
        "215 UNIX emulated by FileZilla|UNIX",
        "215 MACOS Peter's Server|AUTO",
        "''|AUTO"})
    void systReplyNamesTheDialectTriedFirst(String reply, ListingDialect dialect) {
        assertThat(ListingDialect.fromSyst(reply)).isEqualTo(dialect);
    }

    @Test
    void mvsMemberLinesAreReadOnlyWhenSystSaysMvs() {
        String member = "SAVE04";
        assertThat(parser(ListingOptions.DEFAULT, "215 UNIX Type: L8").parse(member)).isNull();
        assertThat(parser(ListingOptions.DEFAULT, "215 MVS is the operating system of this server.").parse(member))
                .isEqualTo(new ListEntry("SAVE04", ListEntry.Type.FILE, -1, -1, 0));
    }

    @Test
    void oneListingMayMixDialects() {
        ListParser parser = parser(ListingOptions.DEFAULT, "215 Windows_NT");
        assertThat(parser.parse("09-13-10  20:08       <DIR>          Recycled").type())
                .isEqualTo(ListEntry.Type.DIRECTORY);
        assertThat(parser.parse("-rw-r--r--   1 owner    group         213 Aug 26 16:31 README").name())
                .isEqualTo("README");
        assertThat(parser.parse("09-06-06  19:00                   69 desktop.ini").size()).isEqualTo(69);
    }

    @Test
    void vmsKeepsTheHighestVersionOfEachName() {
        // Commons Net's VMSFTPEntryParserTest FULL_LISTING
        ListParser parser = parser(ListingOptions.DEFAULT, "215 VMS");
        List<ListEntry> entries = new ArrayList<>();
        for (String line : List.of("Directory USER1:[TEMP]", "",
                "1-JUN.LIS;1              9/9           2-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,RE)",
                "2-JUN.LIS;1              9/9           2-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "3-JUN.LIS;1              9/9           3-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "3-JUN.LIS;4              9/9           7-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "3-JUN.LIS;2              9/9           4-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "3-JUN.LIS;3              9/9           6-JUN-1998 07:32:04  [GROUP,OWNER]    (RWED,RWED,RWED,)",
                "", "Total 6 files")) {
            ListEntry entry = parser.parse(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        List<ListEntry> latest = ListParser.latestVersions(entries);
        assertThat(latest).extracting(ListEntry::name).containsExactly("1-JUN.LIS", "2-JUN.LIS", "3-JUN.LIS");
        assertThat(latest.get(2).version()).isEqualTo(4);
        assertThat(utc(latest.get(2).lastModified())).isEqualTo("1998-06-07T07:32:00Z");
    }

    @ParameterizedTest
    @CsvSource({
        "Jun 16 10:00, 2024-06-16T10:00:00Z",
        "Jun 17 10:00, 2023-06-17T10:00:00Z",
        "Dec 31 23:59, 2023-12-31T23:59:00Z",
        "Jan  1 00:00, 2024-01-01T00:00:00Z"})
    void aYearlessDateMoreThanADayAheadIsFromLastYear(String date, String expected) {
        ListEntry entry = parser(ListingOptions.DEFAULT, null).parse("-rw-r--r-- 1 u g 5 " + date + " f");
        assertThat(utc(entry.lastModified())).isEqualTo(expected);
    }

    @Test
    void aYearlessTwentyNinthOfFebruaryOutsideALeapYearIsFromTheYearBefore() {
        ListParser afterLeapYear = ListParser.create(ListingOptions.DEFAULT, null, LocalDate.of(2025, 3, 1));
        assertThat(utc(afterLeapYear.parse("-rw-r--r-- 1 u g 5 Feb 29 12:00 f").lastModified()))
                .isEqualTo("2024-02-29T12:00:00Z");
        ListParser twoYearsAfter = ListParser.create(ListingOptions.DEFAULT, null, LocalDate.of(2026, 3, 1));
        assertThat(twoYearsAfter.parse("-rw-r--r-- 1 u g 5 Feb 29 12:00 f")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"99, 1999", "00, 2000", "45, 2045", "70, 1970"})
    void twoDigitYearsAreWidenedIntoTheCenturyStarting80YearsAgo(String yy, int year) {
        ListParser parser = ListParser.create(ListingOptions.DEFAULT, null, LocalDate.of(2026, 1, 1));
        ListEntry entry = parser.parse("01-31-" + yy + "  12:30AM                 7 old.txt");
        assertThat(utc(entry.lastModified())).isEqualTo(year + "-01-31T00:30:00Z");
    }

    @Test
    void timesAreReadInTheServersZone() {
        ListingOptions berlin = new ListingOptions(ListingDialect.AUTO, null, null, null, ZoneId.of("Europe/Berlin"));
        ListEntry entry = parser(berlin, null).parse("-rw-r--r-- 1 u g 5 Jan 31  2023 f");
        assertThat(utc(entry.lastModified())).isEqualTo("2023-01-30T23:00:00Z");
        ListEntry summer = parser(berlin, null).parse("07-01-23  12:00PM  5 f");
        assertThat(utc(summer.lastModified())).isEqualTo("2023-07-01T10:00:00Z");
    }

    @Test
    void configuredPatternsReadDatesTheBuiltInFormsCannot() {
        ListingOptions danish = new ListingOptions(ListingDialect.UNIX, "da", "d MMM yyyy", "d MMM HH:mm",
                ZoneOffset.UTC);
        ListParser parser = parser(danish, null);
        assertThat(utc(parser.parse("-rw-r--r-- 1 u g 5 3 maj 2021 f").lastModified()))
                .isEqualTo("2021-05-03T00:00:00Z");
        assertThat(utc(parser.parse("-rw-r--r-- 1 u g 5 14 okt 09:15 f").lastModified()))
                .isEqualTo("2023-10-14T09:15:00Z");
        ListingOptions os400 = new ListingOptions(ListingDialect.OS400, null, "MM/dd/yy HH:mm:ss", null,
                ZoneOffset.UTC);
        assertThat(utc(parser(os400, null).parse("PEP  4019 04/03/18 18:58:16 *STMF  einladung.zip").lastModified()))
                .isEqualTo("2018-04-03T18:58:00Z");
    }

    @Test
    void aLanguageLimitsTheMonthNamesToItsOwnAndEnglish() {
        ListingOptions german = new ListingOptions(ListingDialect.AUTO, "de", null, null, ZoneOffset.UTC);
        assertThat(parser(german, null).parse("-rw-r--r-- 1 u g 5 Mär 17 12:54 f")).isNotNull();
        assertThat(parser(german, null).parse("-rw-r--r-- 1 u g 5 Mar 17 12:54 f")).isNotNull();
        assertThat(parser(german, null).parse("-rw-r--r-- 1 u g 5 ene 17 12:54 f")).isNull();
    }

    @Test
    void linesOverTheBoundAreNoEntry() {
        String name = "n".repeat(ListParser.MAX_LINE);
        assertThat(parser(ListingOptions.DEFAULT, null).parse("-rw-r--r-- 1 u g 5 Mar 17 12:54 " + name)).isNull();
    }

    @Test
    void badOptionValuesAreRefusedNamingOptionValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> ListingOptions.checkLanguage("xx"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("serverLanguageCode=xx is not supported: use one of da, de, en, es, fr, it, nl, no, pt, sv,"
                        + " or leave it unset to read the month names of all of them");
        assertThatThrownBy(() -> ListingOptions.checkPattern("defaultDateFormat", "d MMM yyyy {"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("defaultDateFormat=d MMM yyyy { is not a date pattern (")
                .hasMessageEndingWith("): use a java.time.format.DateTimeFormatter pattern such as 'd MMM yyyy'");
        assertThatThrownBy(() -> ListingOptions.checkZone("Mars/Olympus"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("serverTimeZoneId=Mars/Olympus is not a time zone (")
                .hasMessageEndingWith("): use a region ID such as Europe/Berlin, UTC, or an offset such as +01:00");
    }

    private static ListParser parser(ListingOptions options, String syst) {
        return ListParser.create(options, syst, TODAY);
    }

    private static String utc(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
