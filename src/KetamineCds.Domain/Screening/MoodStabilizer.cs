namespace KetamineCds.Domain.Screening;

/// <summary>The mood stabilizer a patient with bipolar disorder takes (contract field <c>moodStabilizer</c>).</summary>
public enum MoodStabilizer { None, Lithium, Valproate, Lamotrigine, AtypicalAntipsychotic, Other }
