using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Palliative;

/// <summary>PAL-001: Prognosis of weeks: a conventional antidepressant may act too late, so a rapid-acting treatment is reasonable. (P-PALLIATIVE, IRWIN-2013)</summary>
public class PalliativePrognosisOfWeeks : Rule
{
    public override string Id => "PAL-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Palliative];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Irwin2013];

    public override string ConditionText => "A life-limiting illness with a prognosis of 8 weeks or less, and a current depressive episode.";

    public override Condition Condition { get; } = Indications.PalliativeWeeks;

    public override string Summary => "Prognosis of weeks: a conventional antidepressant may act too late, so a rapid-acting treatment is reasonable.";

    public override string Detail =>
        "Conventional antidepressants take weeks to work, which may be longer than the patient has. The supporting evidence is small open-label and retrospective work with oral or subcutaneous racemic ketamine, not randomised trials and not esketamine (discrepancy D9); if esketamine is chosen, the REMS monitoring still applies.";
}
