using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-005: Medicines not all recorded: reconcile the medicine list before treatment. (P-SAFETY-REMS, SPRAVATO-REMS, SPRAVATO-PI-US)</summary>
public class MedicinesNotRecorded : Rule
{
    public override string Id => "MED-005";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoRems, Citations.SpravatoPiUs];

    public override string ConditionText => "A pathway is indicated and any of opioids, naltrexone, benzodiazepine dose, psychostimulants or MAOIs, or other CNS depressants is not recorded.";

    public override Condition Condition { get; } = All(Indications.AnyIndication, Any(NotRecorded(Fields.OnOpioids), NotRecorded(Fields.OnNaltrexone), NotRecorded(Fields.BenzodiazepineDiazepamEquivalentMg), NotRecorded(Fields.OnPsychostimulantOrMaoi), NotRecorded(Fields.OtherCnsDepressants)));

    public override string Summary => "Medicines not all recorded: reconcile the medicine list before treatment.";

    public override string Detail =>
        "Opioids, benzodiazepines and other CNS depressants add sedation and respiratory depression, psychostimulants and MAOIs add to the rise in blood pressure, and naltrexone may blunt the response; the REMS monitoring form asks for these medicines. The ones listed are not recorded and so cannot be weighed.";
}
