using KetamineCds.Web.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KetamineCds.Web.Tests.Audit;

/// <summary>
/// The shared refusals of the audit pages' query names: each page passes the message its refusal is to say, so that no
/// page writes its own over the shared one after (Verify did, for an unknown name).
/// </summary>
public sealed class DatePeriodInputTests
{
    [Fact]
    public void RefuseUnknownNames_SaysThePagesOwnMessage_AndNotTheSharedOne()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        DatePeriodInput.RefuseUnknownNames(Query(("run", "true"), ("mode", "full")), ["from"], ["run"], null, errors, "Audit.UnknownVerifyFilter");

        Assert.Equal(["mode"], errors.Keys);
        Assert.StartsWith("Unknown filter 'mode'; this page reads only from: leave it empty to verify all of the log", Assert.Single(errors["mode"]), StringComparison.Ordinal);
    }

    [Fact]
    public void RefuseUnknownNames_WithoutAMessage_ListsThePagesFilters()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        DatePeriodInput.RefuseUnknownNames(Query(("verdict", "foo")), ["from", "to"], [], null, errors);

        Assert.Equal(["Unknown filter 'verdict'; this page's filters are from, to."], errors["verdict"]);
    }

    [Fact]
    public void RefuseUnknownExport_SaysThePagesOwnMessage()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        DatePeriodInput.RefuseUnknownExport(Query(("handler", "Write")), ["Create", "Upload"], errors, "Audit.UnknownAction");

        Assert.StartsWith("No action of this page is named 'Write'; its actions are Create, Upload.", Assert.Single(errors["handler"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version", "1.1.0", "", "1.1.0")] // the one value given
    [InlineData("version", "1.1.0", "1.0.0", null)] // they differ: the form's default
    [InlineData("baseline", "", "1.0.0", "1.0.0")]
    [InlineData("to", "2026-02-01", " ", "2026-02-01")]
    public void ImpactFilter_NameGivenTwice_ShowsAsTheOtherAuditFiltersShow(string name, string first, string second, string? shown)
    {
        var filter = new ImpactFilterInput { Baseline = "1.0.0", Version = "1.0.0", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 1, 1) };

        filter.ShowRepeatedAsGiven(new QueryCollection(new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase) { [name] = new([first, second]) }));

        var field = name switch
        {
            "version" => filter.Version,
            "baseline" => filter.Baseline,
            _ => filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(shown, field);
        Assert.Equal(new DateOnly(2026, 1, 1), filter.From);
    }

    private static QueryCollection Query(params (string Name, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Name, p => new StringValues(p.Value), StringComparer.OrdinalIgnoreCase));
}
