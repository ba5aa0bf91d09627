namespace KetamineCds.Domain.Screening;

/// <summary>The form section a field is asked in, in the form's order; the form renders one fieldset per section.</summary>
public enum FieldSection
{
    Patient,
    Depression,
    Bipolar,
    Psychosis,
    Suicidality,
    Palliative,
    PainAndMedicines,
    VascularAndCardiovascular,
    OtherConditions,
    BloodPressure,
    Hepatic,
    Scores,
    Note,
}
