using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KetamineCds.Web.CdsHooks;
using Xunit.Abstractions;
using static KetamineCds.Web.Tests.CdsHooks.HookChart;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA201 on the CDS Hooks side: a chart whose PHQ-9 total is 27 and which records no item 9 proves item 9 positive (the
/// other eight items score at most 24 together). Item 9 is then required (the catalogue's RequiredWhen, phq9Total:25-27):
/// the answer names it to be recorded, never gives the reassuring "eligible" card, and still reports what the rest of the
/// chart contraindicates (its stand-in must be one the total allows). Answered in process.
/// </summary>
public sealed class Phq9TotalProvesItem9HookTests(ITestOutputHelper output)
{
    /// <summary>A confirmed abdominal aortic aneurysm (VAS-001): a contraindication the chart records whatever else it lacks.</summary>
    private static JsonObject Aneurysm(string patient) => Condition("c-aaa", patient, "I71.4");

    private static JsonObject Total(string patient, int value) => JsonNode.Parse($$$"""
        {"resourceType": "Observation", "id": "tot", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]}, "valueInteger": {{{value}}},
         "effectiveDateTime": "{{{ChartChecksHookTests.EarlierToday().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}}}",
         "subject": {"reference": "Patient/{{{patient}}}"}}
        """)!.AsObject();

    private string AllDetail(IReadOnlyList<Card> cards)
    {
        var text = string.Join("\n\n", cards.Select(c => c.Indicator + " | " + c.Summary + "\n" + c.Detail));
        output.WriteLine(text);
        return text;
    }

    [Fact]
    public async Task PatientView_EarlierScreeningWithoutScores_ChartTotal27_NoItem9_IsNotEligible_AndNamesItem9()
    {
        using var factory = new KetamineCdsFactory();
        const string P = "MRN-QA201-HOOK";
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var earlier = CompleteScreeningBodies.WithEveryItemRecorded(SampleRequests.Trd(P));
        earlier.Remove("phq9Total");
        earlier.Remove("phq9Item9");
        var created = await api.PostAsJsonAsync("/api/v1/screenings", earlier);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, P, Patient(P), Mdd(P), Total(P, 27));

        var detail = AllDetail(cards);
        Assert.NotEmpty(cards);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        Assert.Contains("PHQ-9 item 9", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(27)]
    [InlineData(25)]
    [InlineData(24)]
    public async Task PatientView_ChartTotalWithoutItem9_AndAnAneurysm_StillReportsTheAneurysm(int total)
    {
        using var factory = new KetamineCdsFactory();
        var p = $"MRN-QA201-AAA-{total}";

        var cards = await ChartChecksHookTests.PatientViewAsync(factory, p, Patient(p), Mdd(p), Total(p, total), Aneurysm(p));

        var detail = AllDetail(cards);
        Assert.DoesNotContain(cards, c => c.Summary.StartsWith("Ketamine screening: eligible", StringComparison.Ordinal));
        Assert.Equal(total >= 25, detail.Contains("- PHQ-9 item 9", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Indicator == "critical" && c.Detail.Contains("VAS-001", StringComparison.Ordinal));
    }
}
