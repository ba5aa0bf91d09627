using KetamineCds.Fhir.ValueSets;
using KetamineCds.Web.CdsHooks;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// The <c>observations</c> prefetch template the discovery document declares: most recent first and a page size of its
/// own (CDS Hooks 2.0 prefetch query restrictions allow <c>_sort</c> and <c>_count</c>), so that an EHR does not send its
/// oldest observations first or cut the page at its own default; and every Observation code a value set reads, so that
/// what the reader can read is asked for (the PHQ-9's nine items, which the total may be summed from, were not).
/// </summary>
public sealed class PrefetchTemplateTests
{
    private static readonly string[] ObservationReadings = ["observation-score", "blood-pressure", "pregnancy-status"];

    private static string Observations => CdsHookServices.Prefetch["observations"];

    private static string[] TemplateCodes()
    {
        var query = Observations[(Observations.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&');
        var code = Assert.Single(query, p => p.StartsWith("code=", StringComparison.Ordinal));
        return code["code=".Length..].Split(',');
    }

    [Fact]
    public void ObservationsTemplate_AsksForTheMostRecentFirst_InPagesOf100()
    {
        var query = Observations[(Observations.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&');

        Assert.StartsWith("Observation?patient={{context.patientId}}&", Observations, StringComparison.Ordinal);
        Assert.Contains("_sort=-date", query);
        Assert.Contains("_count=100", query);
    }

    [Fact]
    public void ObservationsTemplate_AsksForEveryObservationCodeAValueSetReads_AndNoOther()
    {
        // The codes of the Observations read (questions, items, panels, parts of a panel), not their LOINC answers (LA...).
        var read = ValueSetCatalogue.All.Values
            .Where(s => ObservationReadings.Contains(s.Read.From, StringComparer.Ordinal))
            .SelectMany(s => s.Codes)
            .Where(c => c.System == "http://loinc.org" && c.Code is not null && !c.Code.StartsWith("LA", StringComparison.Ordinal))
            .Select(c => $"{c.System}|{c.Code}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("http://loinc.org|44250-9", read); // PHQ-9 item 1, the total's nine items
        Assert.Equal(read.Order(StringComparer.Ordinal), TemplateCodes().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Discovery_EachServiceDeclaresTheObservationsTemplate()
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(CdsHookServices.Discovery());

        foreach (var service in json.GetProperty("services").EnumerateArray())
            Assert.Equal(Observations, service.GetProperty("prefetch").GetProperty("observations").GetString());
    }
}
