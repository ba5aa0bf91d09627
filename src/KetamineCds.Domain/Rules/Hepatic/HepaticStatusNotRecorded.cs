using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Hepatic;

/// <summary>HEP-003: Hepatic status not recorded: assess liver function (Child-Pugh) before treatment. (SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018)</summary>
public class HepaticStatusNotRecorded : Rule
{
    public override string Id => "HEP-003";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018];

    public override string ConditionText => "A pathway is indicated and hepatic impairment is not recorded either way.";

    public override Condition Condition { get; } = All(Indications.AnyIndication, NotRecorded(Fields.HepaticImpairment));

    public override string Summary => "Hepatic status not recorded: assess liver function (Child-Pugh) before treatment.";

    public override string Detail =>
        "Severe hepatic impairment rules treatment out (HEP-001) and moderate impairment calls for longer monitoring (HEP-002). Until the hepatic status is recorded neither can be judged, so assess it before the first session.";
}
