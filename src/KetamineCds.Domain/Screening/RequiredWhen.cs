namespace KetamineCds.Domain.Screening;

/// <summary>
/// A condition on other fields' contract values, stated once for the validator, the form's show-and-hide and the
/// documentation: "required when <c>primaryDiagnosis</c> is <c>bipolar-i</c> or <c>bipolar-ii</c>".
/// </summary>
/// <param name="Text">The condition in plain words, completing "required when ...".</param>
/// <param name="Applies">Whether it holds, given a way to read any field's contract value (a string, bool, int, decimal or null).</param>
public sealed record RequiredWhen(string Text, Func<Func<string, object?>, bool> Applies);
