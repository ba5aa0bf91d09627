namespace KetamineCds.Domain.Screening;

/// <summary>Hepatic impairment, Child-Pugh A/B/C for mild/moderate/severe (contract field <c>hepaticImpairment</c>).</summary>
public enum HepaticImpairment { None, Mild, Moderate, Severe }
