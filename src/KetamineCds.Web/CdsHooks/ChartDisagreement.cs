namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// A field the chart answers less cautiously than the clinician's recent screening in KetamineCds (the field's
/// <see cref="Domain.Screening.FieldDefinition.MoreCautious"/>): both answers as contract values, the chart entries the
/// chart's answer was read from (<c>Condition/123</c>), and the answer used (the more cautious).
/// </summary>
public sealed record ChartDisagreement(string Field, object Chart, IReadOnlyList<string> ChartEntries, object Screening, object Used);
