namespace KetamineCds.Domain.Screening;

/// <summary>The form section a field is asked in, in the form's order.</summary>
public enum FieldSection { Patient, Depression, Bipolar, Psychosis, Suicidality, Palliative, PainAndMedicines, Safety, Scores, Note }
