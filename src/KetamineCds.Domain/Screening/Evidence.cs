namespace KetamineCds.Domain.Screening;

/// <summary>One input field and the value that made a rule fire (contract <c>because</c> item).</summary>
/// <param name="Field">The contract's field name, e.g. <c>psychosis</c>.</param>
/// <param name="Value">The value as the contract spells it, or "not recorded".</param>
public sealed record Evidence(string Field, string Value);
