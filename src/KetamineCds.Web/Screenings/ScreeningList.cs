namespace KetamineCds.Web.Screenings;

/// <summary>The contract's list body: <c>{"items": [...]}</c>, newest first.</summary>
public sealed record ScreeningList(IReadOnlyList<ScreeningResponse> Items);
