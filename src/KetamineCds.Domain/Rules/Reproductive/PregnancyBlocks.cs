using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Reproductive;

/// <summary>REP-001: Pregnancy: esketamine is not recommended; do not treat now. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class PregnancyBlocks : Rule
{
    public override string Id => "REP-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018];

    public override string ConditionText => "The patient is recorded as pregnant; while pregnancy is not recorded, it is undecided for a patient who could be pregnant (sex at birth not male, aged 12 to 55).";

    public override Condition Condition { get; } = Any(RecordedTrue(Fields.Pregnant), All(Indications.CouldBePregnant, True(Fields.Pregnant)));

    public override string Summary => "Pregnancy: esketamine is not recommended; do not treat now.";

    public override string Detail =>
        "Animal data suggest ketamine may harm the fetus; the label does not recommend esketamine in pregnancy and the pain consensus lists pregnancy as a relative contraindication. The safer reading blocks treatment now. For a patient who could be pregnant, an unrecorded answer is never read as no: the pathways wait for it.";
}
