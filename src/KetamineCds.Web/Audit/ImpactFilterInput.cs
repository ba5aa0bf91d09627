using KetamineCds.Domain.Rules;
using KetamineCds.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KetamineCds.Web.Audit;

/// <summary>
/// The impact analysis's query: a period (<see cref="DatePeriodInput"/>: <c>from</c>, <c>to</c>) and the two rule sets
/// compared, <c>baseline</c> and <c>version</c>, as the page's form sends them. A <see cref="DatePeriodInput"/>, so that a
/// name given more than once shows what the decision log's and the access log's filters show
/// (<see cref="DatePeriodInput.RepeatedShown"/>), from one place.
/// </summary>
public sealed class ImpactFilterInput : DatePeriodInput
{
    /// <summary>The analysis's query names besides <c>run</c>, as its form sends them and the unknown-filter message lists them.</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["from", "to", "baseline", "version"];

    /// <summary>The rule set compared against: a released version, or empty for the verdicts as logged.</summary>
    public string? Baseline { get; set; }

    /// <summary>The rule set analysed: a released version, the current one when empty.</summary>
    public string? Version { get; set; }

    /// <summary>
    /// Puts into each field the query gives more than once what <see cref="DatePeriodInput.RepeatedShown"/> says it shows:
    /// the one value given, or none when they differ. The analysis does not run with a repeated name
    /// (<see cref="DatePeriodInput.RefuseRepeatedNames"/>); this changes only what the form shows.
    /// </summary>
    public void ShowRepeatedAsGiven(IQueryCollection query) => ShowRepeatedAsGiven(query, FilterNames, null);

    /// <summary>
    /// The rule sets the analysis ran with, in words, as the form labels them (<see cref="ListContext.ProducedWith"/>): the
    /// rule set analysed (the current one when none was chosen) and what it was compared against. No filter: the period is
    /// (<see cref="DatePeriodInput.Described"/>).
    /// </summary>
    public static IReadOnlyList<FilterTerm> RuleSetsDescribed(IStringLocalizer<PageText> localizer, RuleSet analysed, RuleSet? baseline)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(analysed);
        return
        [
            new(localizer["Rule set analysed"], analysed.Version),
            new(localizer["Compare against"], baseline is null ? localizer["the verdicts as logged"] : localizer["rule set {0}", baseline.Version]),
        ];
    }

    /// <inheritdoc />
    protected override void Show(string name, string? value)
    {
        switch (name)
        {
            case "baseline":
                Baseline = value;
                break;
            case "version":
                Version = value;
                break;
            default:
                base.Show(name, value);
                break;
        }
    }
}
