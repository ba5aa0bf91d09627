using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-006: Monitor for a switch into mania (for example with a mania rating scale at baseline and follow-up) and plan a short course. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarSwitchMonitoring : Rule
{
    public override string Id => "BIP-006";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder in a current depressive episode.";

    public override Condition Condition { get; } = Indications.BipolarDepression;

    public override string Summary => "Monitor for a switch into mania (for example with a mania rating scale at baseline and follow-up) and plan a short course.";

    public override string Detail =>
        "In the small controlled studies manic symptoms were rare and as frequent on placebo as on ketamine, so the switch risk is uncertain rather than shown to be high (discrepancy D5). The source document's caution is kept: short-term use as a bridge, with structured monitoring of mood.";
}
