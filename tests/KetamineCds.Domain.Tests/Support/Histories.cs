using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>Patient histories that tests start from and change one field at a time.</summary>
internal static class Histories
{
    /// <summary>A 45-year-old man with MDD in a current episode, one failed adequate trial, on an oral antidepressant.</summary>
    public static PatientHistory Adult() => new()
    {
        PatientReference = "TEST-1",
        AgeYears = 45,
        SexAtBirth = SexAtBirth.Male,
        Jurisdiction = Jurisdiction.Us,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 1,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,
    };

    /// <summary>Treatment-resistant MDD: three failed adequate trials of two mechanisms, on an oral antidepressant.</summary>
    public static PatientHistory Trd() => Adult() with { FailedAdequateTrials = 3, DistinctMechanisms = 2 };

    /// <summary>MDD with suicidality; safety plan, lethal-means counselling and follow-up all recorded as done.</summary>
    public static PatientHistory Suicidal(Suicidality suicidality = Suicidality.ActiveIdeation) => Adult() with
    {
        Suicidality = suicidality,
        SafetyPlanInPlace = true,
        LethalMeansCounselled = true,
        FollowUpArranged = true,
    };

    /// <summary>Bipolar depression on lithium at a therapeutic level, no mania or mixed features.</summary>
    public static PatientHistory BipolarDepression(PrimaryDiagnosis diagnosis = PrimaryDiagnosis.BipolarI) => Adult() with
    {
        PrimaryDiagnosis = diagnosis,
        FailedAdequateTrials = 2,
        MoodStabilizer = MoodStabilizer.Lithium,
        MoodStabilizerOptimized = true,
        CurrentManiaOrMixedFeatures = false,
    };

    /// <summary>A life-limiting illness with the given prognosis, in a current depressive episode.</summary>
    public static PatientHistory Palliative(int prognosisWeeks) => Adult() with
    {
        AgeYears = 70,
        LifeLimitingIllness = true,
        PrognosisWeeks = prognosisWeeks,
    };
    /// <summary>
    /// MDD, one failed trial, passive ideation, an aborted or interrupted attempt or preparatory acts within 3 months, safety
    /// net complete: the audit's C2 history (docs/clinical-review.md, section 13), for which no pathway was indicated before
    /// rule set 1.5.0.
    /// </summary>
    public static PatientHistory PassiveWithAbortedAttempt() =>
        Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = true };

    /// <summary>
    /// MDD in an episode, one failed trial, passive ideation with recent behaviour not recorded; the care items not recorded:
    /// only the suicidal-ideation pathway cannot yet be ruled out, which rule set 1.14.0's restated rules fire for.
    /// </summary>
    public static PatientHistory SuicidalPathwayNotRuledOut() =>
        Suicidal(Suicidality.PassiveIdeation) with { FailedAdequateTrials = 1, PreparatoryActsOrAbortedAttempt = null };

    /// <summary>
    /// MDD in an episode, no failed trial, no suicidality, the life-limiting illness and the care items not recorded: only
    /// the palliative pathway cannot yet be ruled out, the history rule set 1.16.0 keeps waiting.
    /// </summary>
    public static PatientHistory PalliativePathwayNotRuledOut() => Adult() with { FailedAdequateTrials = 0 };

    /// <summary>
    /// A life-limiting illness with a prognosis of 4 weeks (PAL-001), its pathway open (eligible with cautions, the care items
    /// not recorded), beside passive ideation with recent suicidal behaviour left blank: the suicidal-ideation pathway cannot
    /// yet be ruled out (SUI-016). The history of the psychiatrist's QA of 1.22.0, F4 (docs/clinical-review.md, section 35).
    /// </summary>
    public static PatientHistory PalliativeBesideSuicidalPathwayWaiting() =>
        Palliative(4).WithSafetyItemsRecordedAbsent() with
        {
            Suicidality = Suicidality.PassiveIdeation,
            PreparatoryActsOrAbortedAttempt = null,
            SafetyPlanInPlace = true,
            LethalMeansCounselled = true,
            FollowUpArranged = true,
        };

    /// <summary>TRD (both TRD pathways indicated) beside passive ideation with recent suicidal behaviour left blank, the safety items recorded.</summary>
    public static PatientHistory TrdBesideSuicidalPathwayWaiting() =>
        Trd().WithSafetyItemsRecordedAbsent() with { Suicidality = Suicidality.PassiveIdeation, PreparatoryActsOrAbortedAttempt = null };

    /// <summary>
    /// QA293's history (rule set 1.27.0; docs/clinical-review.md, section 39): a 40-year-old woman in the US, not pregnant or
    /// breastfeeding, MDD in a current episode, three failed trials of two mechanisms, on an oral antidepressant, no mania,
    /// no psychosis, suicidality none, every other yes/no answer no, no benzodiazepine, no substance use, blood pressure
    /// 120/78, no hepatic impairment, PHQ-9 total 18; item 9 and the assessment after it not recorded.
    /// </summary>
    public static PatientHistory Qa293Trd() =>
        (Trd() with
        {
            AgeYears = 40,
            SexAtBirth = SexAtBirth.Female,
            Pregnant = false,
            Breastfeeding = false,
            SystolicBp = 120,
            DiastolicBp = 78,
            ChronicNeuropathicPain = false,
            OpioidInducedHyperalgesia = false,
            Phq9Total = 18,
        }).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();

    /// <summary>TRD with every medicine MED-005 asks about recorded: no opioid, no naltrexone, no benzodiazepine, no psychostimulant or MAOI, no other CNS depressant.</summary>
    public static PatientHistory MedicinesRecorded() => Trd() with
    {
        OnOpioids = false,
        OnNaltrexone = false,
        BenzodiazepineDiazepamEquivalentMg = 0m,
        OnPsychostimulantOrMaoi = false,
        OtherCnsDepressants = false,
    };

    /// <summary>A history that indicates this pathway (off-label ketamine comes with esketamine for TRD, and back).</summary>
    public static PatientHistory IndicatedFor(Pathway pathway) => pathway switch
    {
        Pathway.EsketamineTrd or Pathway.KetamineOffLabelTrd => Trd(),
        Pathway.EsketamineSuicidalIdeation => Suicidal(Suicidality.ActiveIdeation),
        Pathway.BipolarAdjunct => BipolarDepression(),
        Pathway.PalliativeRapidActing => Palliative(4) with { FailedAdequateTrials = 0 },
        Pathway.InvestigationalPtsdOcd => Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(pathway), pathway, null),
    };

    /// <summary>
    /// The history with every safety item that could block a pathway recorded: those not yet recorded are recorded as
    /// absent ("no", "none"), those recorded keep their answer. A clinician who has asked every safety question about a
    /// patient without these conditions records exactly this; rule set 1.1.0 keeps a pathway incomplete until then.
    /// Derived from the catalogue, as <see cref="WithEveryItemRecorded"/> is, so a new field that can block needs no edit
    /// here: every <see cref="NotRecordedMeans.CanBlock"/> field that names a condition (its more cautious answer is yes,
    /// or a later choice: an aneurysm, a pregnancy, substance use) and that the history asks, in the catalogue's order.
    /// The blocking fields that record a safeguard (a safety plan, lethal-means counselling, follow-up, the mood stabilizer
    /// and its level, the risk assessment after a positive PHQ-9 item 9: <see cref="MoreCautiousAnswer.No"/> or no order)
    /// keep what the history records: "no" would block and "yes" would claim care given, so the tests set them themselves.
    /// The life-limiting illness too, recorded as absent: from rule set 1.16.0, while it is not recorded (with a current
    /// episode) the palliative pathway waits for it (REC-005; docs/clinical-review.md, section 26), so the catalogue marks it
    /// <see cref="NotRecordedMeans.CanBlock"/> (helper 310), but it declares no more cautious answer (it decides whether a
    /// pathway applies, P-PALLIATIVE), so the test of the more cautious answer below does not take it: it is named.
    /// </summary>
    public static PatientHistory WithSafetyItemsRecordedAbsent(this PatientHistory h) =>
        h.WithItemsRecorded(f => f == Fields.LifeLimitingIllness
            || (f.NotRecorded == NotRecordedMeans.CanBlock && f.MoreCautious is MoreCautiousAnswer.Yes or MoreCautiousAnswer.LaterChoice));

    /// <summary>
    /// The history with the care items recorded as well: every field the catalogue marks
    /// <see cref="NotRecordedMeans.CallsForCare"/> that the history asks and does not record, recorded with its ordinary
    /// answer (<see cref="OrdinaryValue"/>: no, none, today's blood pressure 120/80, no benzodiazepine). From rule set
    /// 1.2.0 an open pathway reads plainly eligible only then: a care item not recorded is a caution.
    /// </summary>
    public static PatientHistory WithCareItemsRecorded(this PatientHistory h) =>
        h.WithItemsRecorded(f => f.NotRecorded == NotRecordedMeans.CallsForCare);

    /// <summary>
    /// The history with every item whose absence matters recorded (the catalogue's <see cref="NotRecordedMeans.CanBlock"/>
    /// and <see cref="NotRecordedMeans.CallsForCare"/> fields the history asks): those recorded keep their answer, the
    /// others get their ordinary answer.
    /// </summary>
    public static PatientHistory WithEveryItemRecorded(this PatientHistory h) =>
        h.WithItemsRecorded(f => f.NotRecorded != NotRecordedMeans.Nothing);

    /// <summary>The history with <paramref name="field"/> not recorded, and the field recorded with it (blood pressure's other value).</summary>
    public static PatientHistory Without(this PatientHistory h, FieldDefinition field)
    {
        var values = Fields.All.ToDictionary(f => f.Name, f => Fields.ContractValueOf(h, f.Name), StringComparer.Ordinal);
        values[field.Name] = null;
        if (field.RecordedWith is { } partner)
        {
            values[partner] = null;
        }

        return PatientHistory.From(f => values[f.Name]);
    }

    /// <summary>
    /// The answer a clinician records for a patient without the condition, derived from the catalogue (one definition for
    /// every test project: <see cref="CompleteScreeningBodies.OrdinaryValue"/>, tests/Shared).
    /// </summary>
    public static object OrdinaryValue(FieldDefinition field) => CompleteScreeningBodies.OrdinaryValue(field);

    private static PatientHistory WithItemsRecorded(this PatientHistory h, Func<FieldDefinition, bool> which)
    {
        var values = Fields.All.ToDictionary(f => f.Name, f => Fields.ContractValueOf(h, f.Name), StringComparer.Ordinal);

        // In the catalogue's order, so that a question asked because of another answer (pregnancy after the sex at birth)
        // sees that answer recorded first.
        foreach (var field in Fields.All.Where(which))
        {
            if (values[field.Name] is null && field.IsAskedGiven(name => values[name]) && field.EmptyWhen?.Applies(name => values[name]) != true)
            {
                values[field.Name] = OrdinaryValue(field);
            }
        }

        return PatientHistory.From(f => values[f.Name]);
    }
}
