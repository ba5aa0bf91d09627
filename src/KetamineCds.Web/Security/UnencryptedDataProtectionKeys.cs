namespace KetamineCds.Web.Security;

/// <summary>Registered when no data-protection certificate is configured, so that start-up can say so plainly.</summary>
public sealed class UnencryptedDataProtectionKeys;
