using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Hepatic;

/// <summary>HEP-001: Severe hepatic impairment: esketamine is not recommended and IV ketamine should be avoided. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class SevereHepaticImpairment : Rule
{
    public override string Id => "HEP-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018];

    public override string ConditionText => "Severe hepatic impairment (Child-Pugh C) is recorded.";

    public override Condition Condition { get; } = Is(Fields.HepaticImpairment, (HepaticImpairment?)HepaticImpairment.Severe);

    public override string Summary => "Severe hepatic impairment: esketamine is not recommended and IV ketamine should be avoided.";

    public override string Detail =>
        "Esketamine has not been studied in severe hepatic impairment and the label does not recommend it; the pain consensus advises avoiding ketamine in severe liver disease. Neither is a labelled absolute contraindication; the safer reading blocks treatment now.";
}
