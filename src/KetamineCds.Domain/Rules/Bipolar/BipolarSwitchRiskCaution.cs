using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>BIP-008: Bipolar depression: ketamine may switch the patient into mania; use it only as a short adjunct and watch for switching. (P-BIPOLAR, DIAZGRANADOS-2010)</summary>
public sealed class BipolarSwitchRiskCaution : Rule
{
    public override string Id => "BIP-008";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder in a current depressive episode (the bipolar-adjunct pathway is indicated).";

    public override Condition Condition { get; } = Indications.BipolarDepression;

    public override string Summary => "Bipolar depression: ketamine may switch the patient into mania; use it only as a short adjunct and watch for switching.";

    public override string Detail =>
        "The source document asks for caution in every case of bipolar depression, because the excitatory effect of ketamine carries a risk of switching into mania. In the controlled studies, all on lithium or valproate, manic symptoms were rare and as frequent as on placebo, so the size of the risk is uncertain and the data are limited (discrepancy D5); the caution stays on every open bipolar-adjunct pathway.";
}
