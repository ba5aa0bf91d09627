using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Hepatic;

/// <summary>HEP-002: Moderate hepatic impairment: plan a longer observation period after each dose. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018)</summary>
public class ModerateHepaticImpairment : Rule
{
    public override string Id => "HEP-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018];

    public override string ConditionText => "Moderate hepatic impairment (Child-Pugh B) is recorded.";

    public override Condition Condition { get; } = Is(Fields.HepaticImpairment, (HepaticImpairment?)HepaticImpairment.Moderate);

    public override string Summary => "Moderate hepatic impairment: plan a longer observation period after each dose.";

    public override string Detail =>
        "The label notes that patients with moderate hepatic impairment may need to be monitored for adverse reactions for longer; the pain consensus advises caution with moderate liver disease.";
}
