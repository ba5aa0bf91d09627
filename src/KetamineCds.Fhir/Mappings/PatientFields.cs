using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// The Patient resource's fields. <c>ageYears</c> from <c>birthDate</c>, on the screening's day, only when the
/// (possibly partial) birth date fixes it. <c>sexAtBirth</c> only from the US Core birth sex extension (F, M, UNK):
/// <c>Patient.gender</c> is administrative gender, not sex at birth, so it is never read. <c>patientReference</c> is
/// left to the CDS Hooks service, which records <c>context.patientId</c>.
/// </summary>
internal static class PatientFields
{
    public static void Read(PatientRecord record, ReadingBuilder reading)
    {
        if (record.Patients.Count == 0)
            return;

        // Helper 200: a Patient recorded as deceased is named beside the patient reference (the chart may be another
        // person's, or wrong); the chart's entries are still read as they are, so that no signal they give is hidden.
        foreach (var (patient, reference) in record.Patients)
        {
            if (DeceasedAsWritten(patient) is { } deceased)
                reading.Check(Fields.PatientReference.Name, ChartCheckKind.PatientDeceased, reference, deceased);
        }

        // QA284 F2: a birth date after today, or one giving an age above the most the question accepts, is named beside
        // the age rather than read (or silently left).
        foreach (var (patient, reference) in record.Patients)
        {
            if (DaySpan.Parse(patient.BirthDate) is not { } birth)
                continue;
            var agesThen = birth.AgesOn(record.Today);
            if (agesThen is null || agesThen.Value.Youngest > Fields.AgeYears.Max)
                reading.Check(Fields.AgeYears.Name, ChartCheckKind.BirthDateGivesNoAge, reference, patient.BirthDate!.Trim()[..4], outOfRange: agesThen is not null);
        }

        var ages = record.Patients.Select(p => (Age: AgeOf(p.Resource, record.Today), p.Reference)).ToArray();
        if (ages.All(a => a.Age is not null) && ages.Select(a => a.Age).Distinct().Count() == 1)
            reading.Record(Fields.AgeYears.Name, ages[0].Age!.Value, ages.Select(a => a.Reference));

        var sexes = record.Patients.Select(p => (Sex: BirthSexOf(p.Resource), p.Reference)).ToArray();
        if (sexes.All(s => s.Sex is not null) && sexes.Select(s => s.Sex).Distinct(StringComparer.Ordinal).Count() == 1)
            reading.Record(Fields.SexAtBirth.Name, sexes[0].Sex!, sexes.Select(s => s.Reference));
    }

    /// <summary>
    /// How the Patient records the patient as deceased, as the FHIR writes it (<c>deceasedBoolean: true</c>,
    /// <c>deceasedDateTime: 2025-03-01</c>), or null when it does not (no <c>deceased[x]</c>, or <c>deceasedBoolean</c> false).
    /// </summary>
    internal static string? DeceasedAsWritten(Patient patient) => patient.Deceased switch
    {
        FhirBoolean { Value: true } => "deceasedBoolean: true",
        FhirDateTime { Value: { } when } => "deceasedDateTime: " + ChartWords.Of(new CodeableConcept { Text = when }),
        FhirDateTime => "deceasedDateTime",
        _ => null,
    };

    /// <summary>
    /// Helper 258: the birth date the Patient resources give, with the first one's entry, when every one gives the same
    /// readable date; else null.
    /// </summary>
    internal static ChartBirthDate? BirthDateOf(PatientRecord record)
    {
        if (record.Patients.Count == 0
            || record.Patients.Select(p => p.Resource.BirthDate?.Trim()).Distinct(StringComparer.Ordinal).Count() != 1
            || record.Patients[0].Resource.BirthDate?.Trim() is not { } written
            || DaySpan.Parse(written) is not { } span)
            return null;
        return new ChartBirthDate(written, record.Patients[0].Reference, span.Earliest, span.Latest);
    }

    /// <summary>
    /// Age in full years on <paramref name="today"/>, or null when the birth date is absent, in the future, gives an age
    /// above the most the question accepts (QA284 F2: 136 years), or does not fix it: a partial date (<c>1980</c>) that allows two ages, or, session 59, a 29 February birth on 28 February of a common
    /// year, which jurisdictions read as either age (<see cref="DaySpan.AgesOn"/>). Neither age is the safer reading for
    /// every rule (the younger for the under-18 and 18-24 rules, the older for the EU starting dose from 65, AGE-003), so
    /// the age is left for the clinician to enter, never guessed.
    /// </summary>
    internal static int? AgeOf(Patient patient, DateOnly today) =>
        DaySpan.Parse(patient.BirthDate)?.AgesOn(today) is { } ages && ages.Youngest == ages.Oldest && ages.Youngest <= Fields.AgeYears.Max
            ? ages.Youngest : null;

    /// <summary>The contract's sex at birth from the US Core birth sex extension, or null.</summary>
    internal static string? BirthSexOf(Patient patient) => patient.GetExtension(Codes.UsCoreBirthSex)?.Value switch
    {
        Code { Value: "F" } => "female",
        Code { Value: "M" } => "male",
        Code { Value: "UNK" } => "unknown",
        _ => null,
    };
}
