using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Audit;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA8 F10: the dates and times a person reads are the clinic's (<c>Clinic:TimeZone</c>), the zone's offset named with
/// each, because "today" (the answers that hold only on the day they were recorded) is the clinic's day. A screening
/// recorded at 05:48Z on 29 November is 23:48 on 28 November in Chicago. In a clinic on UTC the pages read as before.
/// Machine-readable output (the API's JSON) stays in UTC.
/// </summary>
public sealed class ClinicTimeTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 29, 5, 48, 0, TimeSpan.Zero);

    private static ClockFactory Clinic(FakeTimeProvider clock, string zone) =>
        new(clock) { Settings = new Dictionary<string, string> { ["Clinic:TimeZone"] = zone } };

    private static async Task<string> PageAsync(HttpClient client, string path, string language = "en-GB")
    {
        using var response = await Localization.CultureSelectionTests.GetAsync(client, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("America/Chicago", "2026-11-28 23:48 UTC-06:00", "2026-11-28 23:48:00 UTC-06:00")]
    [InlineData("Asia/Kathmandu", "2026-11-29 11:33 UTC+05:45", "2026-11-29 11:33:00 UTC+05:45")]
    [InlineData("UTC", "2026-11-29 05:48 UTC", "2026-11-29 05:48:00 UTC")]
    public async Task ResultListAndPrint_ScreeningRecorded_ShowTheClinicsTimeWithItsOffset(string zone, string minutes, string seconds)
    {
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, zone);
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-PAGES");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var result = await PageAsync(client, $"/Screenings/{id}");
        var print = await PageAsync(client, $"/Screenings/{id}/Print");
        var list = await PageAsync(client, "/Screenings?patientReference=MRN-TZ-PAGES");

        Assert.Contains($"recorded {minutes} by {KetamineCdsFactory.Psychiatrist}", result, StringComparison.Ordinal);
        Assert.Contains($"<dd>{minutes}</dd>", print, StringComparison.Ordinal);
        Assert.Contains($"<time datetime=\"2026-11-29T05:48:00.0000000+00:00\">{seconds}</time>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_InChinese_ShowsTheClinicsTimeWithItsOffset()
    {
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, "America/Chicago");
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-ZH");
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var result = await PageAsync(client, $"/Screenings/{id}", "zh-CN");

        Assert.Contains("2026-11-28 23:48 UTC-06:00", result, StringComparison.Ordinal);
        Assert.DoesNotContain("05:48", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/Chicago", "2026-11-28 23:48:00.000000 UTC-06:00")]
    [InlineData("UTC", "2026-11-29 05:48:00.000000 UTC")]
    public async Task AuditPages_ScreeningRecorded_ShowTheClinicsTimeWithItsOffsetAndTheUtcInstantAsTheTimesValue(string zone, string expected)
    {
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, zone);
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-AUDIT");
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);

        var entry = await PageAsync(auditor, $"/Audit/Screening/{id}");
        var log = await PageAsync(auditor, "/Audit?patient=MRN-TZ-AUDIT");

        Assert.Contains($"<dt>Recorded</dt><dd><time datetime=\"2026-11-29T05:48:00.0000000+00:00\">{expected}</time></dd>", entry, StringComparison.Ordinal);
        Assert.Contains(expected[..19] + expected[26..], log, StringComparison.Ordinal);
        Assert.DoesNotContain("Recorded (UTC)", entry + log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_InAClinicOutsideUtc_KeepsItsTimesInUtc()
    {
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, "America/Chicago");
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-API");
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);

        var body = await api.GetFromJsonAsync<JsonElement>($"/api/v1/screenings/{id}");

        Assert.Equal("2026-11-29T05:48:00Z", body.GetProperty("recordedAt").GetString());
    }

    [Theory]
    [InlineData("en-GB", "(recorded 2026-11-28 23:48 UTC-06:00)", "They were recorded on 2026-11-28; today is 2026-11-29 (the clinic's days, time zone America/Chicago).")]
    [InlineData("zh-CN", "2026-11-28 23:48 UTC-06:00", "这些回答记录于 2026-11-28；今天是 2026-11-29（均为诊所时区 America/Chicago 的日期）。")]
    public async Task Rescreen_AfterTheClinicsMidnight_NamesTheClinicsDayOfTheAnswersAndToday(string language, string recorded, string days)
    {
        // QA8 F10: twelve minutes later, but after midnight in Chicago: the notice says which two days it compared.
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, "America/Chicago");
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-RESCREEN");
        clock.Advance(TimeSpan.FromMinutes(12));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await PageAsync(client, $"/Screenings/New?from={id}", language);

        Assert.Contains(recorded, Regex.Match(html, "id=\"rescreen-of\">.*?</p>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        Assert.Contains(days, Regex.Match(html, "id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescreen_InAClinicOnUtc_NamesTheDaysAndKeepsUtcTimes()
    {
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, "UTC");
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-RESCREEN-UTC");
        clock.Advance(TimeSpan.FromDays(1));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await PageAsync(client, $"/Screenings/New?from={id}");

        Assert.Contains("(recorded 2026-11-29 05:48 UTC)", html, StringComparison.Ordinal);
        Assert.Contains("They were recorded on 2026-11-29; today is 2026-11-30 (the clinic's days, time zone UTC).", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/Chicago", "completed in KetamineCds on 2026-11-28 (the clinic's day, time zone America/Chicago)")]
    [InlineData("UTC", "completed in KetamineCds on 2026-11-29 (the clinic's day, time zone UTC)")]
    public async Task PatientView_CompletedFromAScreening_NamesTheClinicsDayItsAnswersWereGiven(string zone, string expected)
    {
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, zone);
        var earlier = await factory.RecordScreeningThroughApiAsync("MRN-TZ-CARD");
        clock.Advance(TimeSpan.FromMinutes(5));
        var body = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = "MRN-TZ-CARD" },
            ["prefetch"] = new JsonObject { ["patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = "MRN-TZ-CARD" } },
        };

        var cards = await factory.Services.GetRequiredService<CdsHookAnswering>().AnswerAsync(
            CdsHookServices.Find("ketamine-screening-patient-view")!, new CdsHookCaller("https://ehr.test.example"),
            Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-clinic-time", CancellationToken.None);

        Assert.All(cards, card => Assert.Contains($"The answers of screening {earlier}, {expected}, were used where the chart records no answer, a less cautious one or an older reading", card.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("America/Chicago", "Locked until 00:05 UTC-06:00 after failed sign-ins", "Locked until 2026-11-29 00:05 UTC-06:00")]
    [InlineData("UTC", "Locked until 06:05 UTC after failed sign-ins", "Locked until 2026-11-29 06:05 UTC")]
    public async Task AdminPages_AccountLockedByFailedSignIns_SayWhenTheLockEndsInTheClinicsTime(string zone, string edit, string list)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 5, 50, 0, TimeSpan.Zero));
        using var factory = Clinic(clock, zone);
        string userId;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(KetamineCdsFactory.Staff))!;
            await users.SetLockoutEndDateAsync(user, new DateTimeOffset(2026, 11, 29, 6, 5, 0, TimeSpan.Zero));
            userId = user.Id;
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        Assert.Contains(edit, await PageAsync(admin, $"/Admin/Users/Edit/{userId}"), StringComparison.Ordinal);
        Assert.Contains(list, await PageAsync(admin, "/Admin/Users"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC", "2026-11-29 05:48 UTC")]
    [InlineData("Europe/London", "2026-11-29 05:48 UTC")]
    [InlineData("Europe/London", "2026-07-01 06:48 UTC+01:00", 2026, 7, 1)]
    [InlineData("Asia/Shanghai", "2026-11-29 13:48 UTC+08:00")]
    public void At_AnInstant_IsTheClinicsTimeWithItsOffsetOrUtcWhenTheOffsetIsZero(string zone, string expected, int year = 2026, int month = 11, int day = 29)
    {
        var time = new ClinicTime(new ClinicCalendar(TimeProvider.System, Options.Create(new ClinicOptions { TimeZone = zone })));

        Assert.Equal(expected, time.At(new DateTimeOffset(year, month, day, 5, 48, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void At_TheEndOfTheCalendarAheadOfUtc_IsShownInUtcRatherThanFailing()
    {
        var time = new ClinicTime(new ClinicCalendar(TimeProvider.System, Options.Create(new ClinicOptions { TimeZone = "Asia/Shanghai" })));

        Assert.Equal("9999-12-31 23:59 UTC", time.At(DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData("en", "on 2026-11-28 23:48:05 UTC-06:00, before this log's first entry was recorded (2026-11-29 00:30:00 UTC-06:00)")]
    [InlineData("zh-Hans", "它于 2026-11-28 23:48:05 UTC-06:00 签名了条目 3（~），早于本日志第一条记录的时间（2026-11-29 00:30:00 UTC-06:00）")]
    public void CheckpointReason_SignedForAnotherLog_NamesItsTimesInTheClinicsTime(string language, string expected)
    {
        using var factory = Clinic(new FakeTimeProvider(Evening), "America/Chicago");
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<PageText>>();
        var status = new CheckpointStatus(
            null, "checkpoint-3.json", [], CheckpointVerdict.OtherLog, "(the log's English words)", null,
            ["3", "~"],
            [new DateTimeOffset(2026, 11, 29, 5, 48, 5, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 6, 30, 0, TimeSpan.Zero)]);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);

            Assert.Contains(expected, CheckpointTexts.Reason(status, localizer, factory.Services.GetRequiredService<ClinicTime>()), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [InlineData("America/Chicago", "2026-11-28", true)]
    [InlineData("America/Chicago", "2026-11-29", false)]
    [InlineData("UTC", "2026-11-29", true)]
    [InlineData("UTC", "2026-11-28", false)]
    public async Task AuditDateFilters_ScreeningRecordedLateInTheEvening_FindItOnTheClinicsDayItIsShownOn(string zone, string day, bool found)
    {
        // The lists show the clinic's times; their date filters count the same days (an auditor in Chicago filtering on
        // 28 November finds the screening shown at 23:48 on 28 November). The page, its CSV and the access log's agree.
        var clock = new FakeTimeProvider(Evening);
        using var factory = Clinic(clock, zone);
        var id = await factory.RecordScreeningThroughApiAsync("MRN-TZ-FILTER");
        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        (await psychiatrist.GetAsync($"/api/v1/screenings/{id}")).Dispose(); // an access event of the same moment

        var list = await PageAsync(auditor, $"/Audit?patient=MRN-TZ-FILTER&from={day}&to={day}");
        var csv = await api.GetStringAsync($"/api/v1/audit/export.csv?patient=MRN-TZ-FILTER&from={day}&to={day}");
        var access = await api.GetStringAsync($"/api/v1/audit/access.csv?kind=view-screening&subject={id}&from={day}&to={day}");

        Assert.Equal(found, list.Contains($"/Audit/Screening/{id}", StringComparison.Ordinal));
        Assert.Equal(found, csv.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal(found, access.Contains($",{id},", StringComparison.Ordinal));
    }
}
