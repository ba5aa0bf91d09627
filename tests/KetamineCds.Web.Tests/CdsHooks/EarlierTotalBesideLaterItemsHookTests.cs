using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// Helper 218: a chart that gives PHQ-9 items (item 9, 44260-8, or part of the nine) but no PHQ-9 total was completed
/// with the total of the clinician's earlier KetamineCds screening even when the items were taken after it: a later
/// administration's items were silently put beside an older total. Within the chart the same order leaves the older total
/// not read (helper 214, <see cref="KetamineCds.Fhir.ChartCheckKind.ItemWithoutTotal"/>), and a chart reading newer than
/// the screening's wins (QA120 F2); the earlier screening's total is now left out the same way, the items named as the
/// reason. Items taken before the screening leave its total carried. Answered in process.
/// </summary>
public sealed class EarlierTotalBesideLaterItemsHookTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PatientView_Item9TakenAfterTheEarlierScreening_NoTotalInTheChart_TheEarlierTotalIsNotCarried_TheItemNamed()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H218-LATER-I9";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", ChartChecksHookTests.CompleteNo(P));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // Taken after the screening was recorded (a minute on, within the clock's tolerance): a later administration.
        var taken = DateTimeOffset.UtcNow.AddMinutes(1);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "i9", "44260-8", 0, taken));

        var detail = AllDetail(cards, output);
        // The PHQ-9 total is not required for a verdict: the answer stands on the rest, and the item is named beside the total.
        Assert.Contains(ClinicalText.Shared.FieldLabel("phq9Total") + ": the chart holds “44260-8, ", detail, StringComparison.Ordinal);
        Assert.Contains("(Observation/i9), the answer to one item of this questionnaire", detail, StringComparison.Ordinal);
        Assert.All(await RescreensAsync(api, P), input => Assert.False(input.TryGetProperty("phq9Total", out var v) && v.ValueKind != JsonValueKind.Null, "the earlier total filled phq9Total"));
        var prefillId = new Uri(cards.SelectMany(c => c.Links ?? []).First().Url).Query.Split("prefill=")[1];
        var prefill = await factory.Services.GetRequiredService<KetamineCds.Infrastructure.CdsHooks.CdsHookStore>().FindPrefillAsync(prefillId, CancellationToken.None);
        var content = PrefillContent.Read(prefill!.InputJson);
        using var input = JsonDocument.Parse(content.InputJson);
        Assert.False(input.RootElement.TryGetProperty("phq9Total", out _), "the prefill holds the earlier phq9Total");
        Assert.DoesNotContain("phq9Total", content.Carried);
        Assert.Contains(content.ToCheck, c => c.Field == "phq9Total" && c.Reference == "Observation/i9");
    }

    [Fact]
    public async Task PatientView_ItemsTakenBeforeTheEarlierScreening_NoTotalInTheChart_TheEarlierTotalIsCarried()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-H218-OLDER-I9";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        // Taken two days before the screening: the screening's total is the newer reading.
        var taken = DateTimeOffset.UtcNow.AddDays(-2);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", ChartChecksHookTests.CompleteNo(P));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Score(P, "i1", "44250-9", 2, taken), Score(P, "i9", "44260-8", 0, taken));

        var detail = AllDetail(cards, output);
        Assert.DoesNotContain("the answer to one item of this questionnaire", detail, StringComparison.Ordinal);
        Assert.Contains(await RescreensAsync(api, P), input => input.TryGetProperty("phq9Total", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == 18);
    }
}
