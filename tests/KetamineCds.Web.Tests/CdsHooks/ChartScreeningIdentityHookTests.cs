using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 258 (QA255): a psychiatrist screened a patient in KetamineCds as male, 45 (<see cref="ChartChecksHookTests.CompleteNo"/>);
/// the EHR's chart for the same record number then gave another sex at birth, or a birth date that does not allow that age
/// on the screening's day. The answer took the chart's values, said the screening's answers "were used", and nothing said
/// the clinician had recorded otherwise. A sex at birth or an age on which the two cannot both be right may mean that they
/// are not of the same patient: a <c>warning</c> card names both, the Patient entry and the screening's day, and asks the
/// clinician to check; the chart's answer is used, and an age its birth date does not fix is not recorded. A year-only
/// birth date that allows the age, or the same sex, gives no card. Answered in process.
/// </summary>
public sealed class ChartScreeningIdentityHookTests(ITestOutputHelper output)
{
    private const string Summary = "Same patient? The chart and the clinician's screening differ on ";

    private static JsonObject Patient(string id, string? birthSex, string? birthDate)
    {
        var patient = HookChart.Patient(id);
        if (birthSex is not null)
        {
            patient["extension"] = new JsonArray(new JsonObject { ["url"] = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", ["valueCode"] = birthSex });
        }

        if (birthDate is not null)
        {
            patient["birthDate"] = birthDate;
        }

        return patient;
    }

    /// <summary>A full birth date <paramref name="years"/> years and ten days ago: that age today in any clinic time zone.</summary>
    private static string BornYearsAgo(int years) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The screening of <paramref name="patient"/> as male, 45, and its id.</summary>
    private static async Task<(HttpClient Api, string Id)> ScreenedAsync(KetamineCdsFactory factory, string patient)
    {
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", ChartChecksHookTests.CompleteNo(patient));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (api, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> PrefillInputAsync(KetamineCdsFactory factory, IReadOnlyList<Card> cards)
    {
        var prefillId = new Uri(cards.SelectMany(c => c.Links ?? []).First().Url).Query.Split("prefill=")[1];
        var prefill = await factory.Services.GetRequiredService<KetamineCds.Infrastructure.CdsHooks.CdsHookStore>().FindPrefillAsync(prefillId, CancellationToken.None);
        using var input = JsonDocument.Parse(PrefillContent.Read(prefill!.InputJson).InputJson);
        return input.RootElement.Clone();
    }

    [Fact]
    public async Task PatientView_TheChartsSexAtBirthIsNotTheScreenings_AWarningCardNamesBoth_TheChartsIsUsed()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H258-SEX";
        var (_, screening) = await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P, "F", null), Mdd(P));

        AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Summary.StartsWith(Summary, StringComparison.Ordinal));
        Assert.Equal("warning", card.Indicator);
        Assert.Contains(ClinicalText.Shared.FieldLabel("sexAtBirth"), card.Summary, StringComparison.Ordinal);
        Assert.Contains("screening " + screening + ", completed in KetamineCds on ", card.Detail, StringComparison.Ordinal);
        Assert.Contains("Check that the chart and the screening are of the same patient", card.Detail, StringComparison.Ordinal);
        Assert.Contains("(Patient/" + P + "); the screening recorded ", card.Detail, StringComparison.Ordinal);
        Assert.Contains("the chart's answer; check which is right.", card.Detail, StringComparison.Ordinal);
        Assert.Contains("P-SAFETY-REMS", card.Detail, StringComparison.Ordinal);
        // Right after the critical cards (there are none here): first.
        Assert.Same(card, cards[0]);
        Assert.Equal("female", (await PrefillInputAsync(factory, cards)).GetProperty("sexAtBirth").GetString());
    }

    [Fact]
    public async Task PatientView_TheChartsBirthDateMakesTheScreeningsAgeImpossible_AWarningCardNamesBoth_TheChartsAgeIsUsed()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H258-AGE";
        var birth = BornYearsAgo(30);
        var (api, _) = await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P, "M", birth), Mdd(P));

        AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Summary.StartsWith(Summary, StringComparison.Ordinal));
        Assert.Equal("warning", card.Indicator);
        Assert.Contains(ClinicalText.Shared.FieldLabel("ageYears"), card.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(ClinicalText.Shared.FieldLabel("sexAtBirth"), card.Summary, StringComparison.Ordinal);
        // Helper 268: the birth date's year and the age it gives, never the full date (the log keeps the card's words).
        Assert.Contains("the chart's birth date (born in " + birth[..4] + "; Patient/" + P + ") does not allow the age the screening recorded on ", card.Detail, StringComparison.Ordinal);
        Assert.Contains(": 45 years; on that day the birth date gives 30 years. Used: 30 years, the chart's answer (from its birth date)", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(birth, AllDetail(cards, output), StringComparison.Ordinal);
        // The chart's 30 completes the screening recorded from the chart, never the screening's 45.
        Assert.Equal(30, Assert.Single(await RescreensAsync(api, P)).GetProperty("ageYears").GetInt32());
    }

    [Fact]
    public async Task PatientView_TheChartDiffersOnSexAndAge_TheLogsDisagreementKeepsBothValuesOfEach_AndTheAuditPageShowsThem()
    {
        // Helper 261: the EHR was warned that the chart and the screening might not be of the same patient, but the log's
        // disagreement did not say so: an auditor could find it only in the card's words. It keeps each fact now, with both
        // values, the Patient entry and the answer used (the birth date as its year, as the log keeps a birth date).
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H261-LOGGED";
        var birth = BornYearsAgo(30);
        var (_, screening) = await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P, "F", birth), Mdd(P));

        AllDetail(cards, output);
        Assert.Single(cards, c => c.Summary.StartsWith(Summary, StringComparison.Ordinal));
        DecisionLogEntry entry;
        await using (var db = factory.Services.GetRequiredService<KetamineCdsContextFactory>().CreateDbContext())
        {
            entry = await db.DecisionLogEntries.Where(e => e.PatientReference == P && e.HookOriginJson != null).OrderByDescending(e => e.Sequence).FirstAsync();
        }

        var disagreement = Assert.IsType<HookDisagreement>(HookOrigin.FromJson(entry.HookOriginJson!).Disagreement);
        Assert.Equal(Guid.Parse(screening), disagreement.Screening);
        var identity = Assert.IsAssignableFrom<IReadOnlyList<HookIdentityField>>(disagreement.Identity);
        Assert.Equal(["sexAtBirth", "ageYears"], identity.Select(f => f.Field));
        Assert.Equal(("\"female\"", "\"male\"", "\"female\"", (string?)null), (identity[0].ChartJson, identity[0].ScreeningJson, identity[0].UsedJson, identity[0].ChartBirthYear));
        Assert.Equal(["Patient/" + P], identity[0].ChartEntries);
        Assert.Equal(("30", "45", "30", (string?)birth[..4]), (identity[1].ChartJson, identity[1].ScreeningJson, identity[1].UsedJson, identity[1].ChartBirthYear));
        Assert.Equal(["Patient/" + P], identity[1].ChartEntries);
        // Helper 268: nowhere in the entry, the cards' words (shown) included: the card named the full date until then.
        Assert.Contains("\"shown\"", entry.HookOriginJson!, StringComparison.Ordinal);
        Assert.DoesNotContain(birth, entry.HookOriginJson!, StringComparison.Ordinal);
        Assert.Contains("born in " + birth[..4] + "; Patient/" + P, entry.HookOriginJson!, StringComparison.Ordinal);
        Assert.True((await factory.Services.GetRequiredService<IDecisionLog>().VerifyAsync()).Intact);

        var auditor = await factory.CreatePageClientAsync(KetamineCdsFactory.Auditor);
        var path = (entry.EntryType == DecisionLogEntryTypes.HookAnswer ? "/Audit/HookAnswer/" : "/Audit/Screening/") + entry.Id;
        async Task<string> PageAsync(string language)
        {
            using var response = await CultureSelectionTests.GetAsync(auditor, path, language);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var whole = await PageAsync("en");
        Assert.DoesNotContain(birth, whole, StringComparison.Ordinal);
        var page = whole.Split("id=\"disagreement\"")[1];
        output.WriteLine(page);
        Assert.Contains($"The chart and screening {screening} (answers of ", page, StringComparison.Ordinal);
        Assert.Contains("recorded facts about the patient that cannot both be right: a warning card asked the clinician to check that they are of the same patient.", page, StringComparison.Ordinal);
        Assert.Contains("<caption>Facts about the patient in the chart and in the screening</caption>", page, StringComparison.Ordinal);
        static string Row(string label, string field, string chart, string entry, string screening, string used) =>
            $@"<th scope=""row"">{label} <code><span class=""id-whole"">{field}</span></code></th>\s*<td>{chart}</td>\s*<td>\s*<code class=""id-whole"">{entry}</code><br />\s*</td>\s*<td>{screening}</td>\s*<td><strong>{used}</strong></td>";
        Assert.Matches(Row("Sex at birth", @"sex</span><wbr /><span class=""id-whole"">At</span><wbr /><span class=""id-whole"">Birth", "Female", "Patient/" + P, "Male", "Female"), page);
        Assert.Matches(Row("Age in years", @"age</span><wbr /><span class=""id-whole"">Years", $@"30 years\s*<br /><small>born in {birth[..4]}</small>\s*", "Patient/" + P, "45 years", "30 years"), page);

        var chinese = await PageAsync("zh-CN");
        Assert.Contains("病历与筛查中的患者信息", chinese, StringComparison.Ordinal);
        Assert.Contains($"出生于 {birth[..4]} 年", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_AYearOnlyBirthDateThatAllowsNoneOfItsAges_TheAgeIsNotRecorded_NotTheScreenings()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H258-YEAR-IMPOSSIBLE";
        var year = (DateTime.UtcNow.Year - 30).ToString(CultureInfo.InvariantCulture);
        await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P, "M", year), Mdd(P));

        AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Summary.StartsWith(Summary, StringComparison.Ordinal));
        Assert.Contains("the chart's birth date (born in " + year + "; Patient/" + P + ")", card.Detail, StringComparison.Ordinal);
        // Born some day of that year: 29 or 30 on the screening's day (30 only on 31 December), never the screening's 45.
        Assert.Matches(@": 45 years; on that day the birth date gives (29 years or 30 years|30 years)\. The birth date does not fix the age today\.", card.Detail);
        Assert.Contains("Used: neither; the age is not recorded: enter it on the form.", card.Detail, StringComparison.Ordinal);
        Assert.False((await PrefillInputAsync(factory, cards)).TryGetProperty("ageYears", out _), "the screening's age was carried");
    }

    [Fact]
    public async Task PatientView_AYearOnlyBirthDateThatAllowsTheScreeningsAge_NoCard_TheScreeningsAgeIsCarried()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H258-YEAR-FITS";
        var (api, _) = await ScreenedAsync(factory, P);

        // Born some day of the year 45 years ago: 44 or 45 today, the screening's 45 among them.
        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P, "M", (DateTime.UtcNow.Year - 45).ToString(CultureInfo.InvariantCulture)), Mdd(P));

        var detail = AllDetail(cards, output);
        Assert.DoesNotContain(Summary, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Same patient?", detail, StringComparison.Ordinal);
        Assert.Equal(45, Assert.Single(await RescreensAsync(api, P)).GetProperty("ageYears").GetInt32());
    }

    [Fact]
    public async Task PatientView_TheSameSexAndAnAgeTheBirthDateAllows_NoCard()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H258-SAME";
        await ScreenedAsync(factory, P);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P, "M", BornYearsAgo(45)), Mdd(P));

        var detail = AllDetail(cards, output);
        Assert.DoesNotContain("Same patient?", detail, StringComparison.Ordinal);
    }

    private static IdentityMismatch Age(int? chart, (int, int)? then, string year = "1996") =>
        new("ageYears", chart, ["Patient/p1"], 45, chart) { BirthYear = year, ChartAgesThen = then };

    [Fact]
    public void Identity_AnAgeTheBirthDateGivesTwoWaysThatDay_NamesBoth_AndTheYearOnly()
    {
        // Helper 268: a year-only or year-month birth date, or a 29 February birth on 28 February of a common year, gives
        // two ages on the screening's day; neither is the screening's 45, so the card names both.
        var card = new CardBuilder("http://localhost", false).Identity("1.21.0", [Age(null, (29, 30))], "s1", new DateOnly(2026, 2, 28));

        output.WriteLine(card.Detail);
        Assert.Contains("- **Age in years**: the chart's birth date (born in 1996; Patient/p1) does not allow the age the screening recorded on 2026-02-28: 45 years; on that day the birth date gives 29 years or 30 years. The birth date does not fix the age today. Used: neither; the age is not recorded: enter it on the form.", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_TheScreeningsDayIsBeforeTheBirthDate_SaysSo()
    {
        // Born in the autumn of 2026 by the chart, 0 today; the screening recorded 45 on 28 February 2026.
        var card = new CardBuilder("http://localhost", false).Identity("1.21.0", [Age(0, null, "2026")], "s1", new DateOnly(2026, 2, 28));

        output.WriteLine(card.Detail);
        Assert.Contains("(born in 2026; Patient/p1) does not allow the age the screening recorded on 2026-02-28: 45 years; that day is before the birth date. Used: 0 years, the chart's answer (from its birth date); check which is right.", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_InChinese_NamesTheYearAndTheAgesThatDay()
    {
        using var chinese = new TranslationCompletenessTests.UiCulture("zh-Hans");
        var card = new CardBuilder("http://localhost", false).Identity("1.21.0", [Age(30, (30, 30))], "s1", new DateOnly(2026, 2, 28));

        output.WriteLine(card.Detail);
        Assert.Contains("（1996 年出生；Patient/p1）", card.Detail, StringComparison.Ordinal);
        Assert.Contains("；按该出生日期，当日年龄为 30", card.Detail, StringComparison.Ordinal);
    }
}
