using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-008: Other cardiovascular or cerebrovascular disease: weigh benefit and risk for this patient before treating. (P-SAFETY-REMS, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class OtherCardiovascularOrCerebrovascularDisease : Rule
{
    public override string Id => "CV-008";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu, Citations.AsraKetaminePain2018];

    public override string ConditionText => "Cardiovascular or cerebrovascular disease other than a serious condition or a recent myocardial infarction or stroke is recorded.";

    public override Condition Condition { get; } = True(Fields.OtherCardiovascularOrCerebrovascularDisease);

    public override string Summary => "Other cardiovascular or cerebrovascular disease: weigh benefit and risk for this patient before treating.";

    public override string Detail =>
        "Blood pressure rises at every recommended dose, peaking about 40 minutes after dosing, and a substantial rise can follow any dose. The US label asks prescribers to weigh other cardiovascular and cerebrovascular conditions for benefit and risk in each patient; the EU product information asks for a setting with resuscitation equipment and trained staff when such a condition is clinically significant or unstable; for intravenous ketamine in chronic pain, the ASRA consensus suggests an ECG when cardiovascular disease is suspected or the risk is high. A serious condition and an infarction or stroke within 6 weeks are asked separately (CV-001, CV-006).";
}
