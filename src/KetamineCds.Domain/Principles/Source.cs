namespace KetamineCds.Domain.Principles;

/// <summary>A label, REMS or literature source that a rule may cite (<c>label-and-literature.md</c>, "Source keys").</summary>
public sealed record Source(string Key, string Citation);
