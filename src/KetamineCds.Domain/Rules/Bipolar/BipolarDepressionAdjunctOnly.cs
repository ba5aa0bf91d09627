using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-001: Bipolar depression: ketamine only as a short-term adjunct to an optimized mood stabilizer, never on its own. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public class BipolarDepressionAdjunctOnly : Rule
{
    public override string Id => "BIP-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder in a current depressive episode.";

    public override Condition Condition { get; } = Indications.BipolarDepression;

    public override string Summary => "Bipolar depression: ketamine only as a short-term adjunct to an optimized mood stabilizer, never on its own.";

    public override string Detail =>
        "Every controlled study in bipolar depression gave ketamine as an add-on to therapeutic lithium or valproate; esketamine is not approved for bipolar depression, so this pathway is off-label. The source document frames it as a short-term bridge.";
}
