using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Bipolar;

/// <summary>
/// BIP-007: Bipolar disorder with no record of whether mania or mixed features are present now: record the current
/// mood state before considering ketamine (P-BIPOLAR, DIAZGRANADOS-2010). "Not recorded" is never "no": the bipolar
/// pathway rests on the absence of mania (BIP-004), so an unrecorded mood state is an unmet precondition.
/// </summary>
public sealed class BipolarManiaNotRecorded : Rule
{
    public override string Id => "BIP-007";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Bipolar];

    public override IReadOnlyList<string> Sources { get; } = [Citations.Diazgranados2010];

    public override string ConditionText => "Bipolar I or II disorder and current mania, hypomania or mixed features are not recorded either way.";

    public override Condition Condition { get; } = All(Indications.BipolarDiagnosis, NotRecorded(Fields.CurrentManiaOrMixedFeatures));

    public override string Summary => "Bipolar disorder: record whether mania or mixed features are present now before considering ketamine.";

    public override string Detail =>
        "The controlled studies enrolled patients in a depressive episode only, and the source document warns that ketamine may push a patient towards mania (BIP-004). Whether mania, hypomania or mixed features are present now is not recorded, so the precondition of the bipolar pathway is not established; every pathway stays closed until the current mood state is recorded.";
}
