namespace KetamineCds.Web.CdsHooks;

/// <summary>
/// A client that proved who it is: its issuer, the language configured for its cards (or null), and the identifier system
/// of the clinic's medical record number in its Patient resources (or null: <see cref="CdsHookClient.PatientIdentifierSystem"/>).
/// </summary>
public sealed record CdsHookCaller(string Issuer, string? Language = null, string? PatientIdentifierSystem = null);
