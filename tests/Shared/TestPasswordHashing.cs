using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Testing;

/// <summary>
/// The password hashing of the test hosts that start the app with demo accounts: Identity's own hasher and format, with
/// fewer PBKDF2 iterations. Every such host creates the four demo accounts and signs in at least once, so at the app's
/// 100,000 iterations a third of the test run's CPU went to hashing the same demo password. The app's own iteration
/// count is checked by <c>PasswordStorageTests</c> on a host that keeps the app's settings. One source file, linked into
/// each test project that starts the app (<c>&lt;Compile Include="..\Shared\..." /&gt;</c>).
/// </summary>
internal static class TestPasswordHashing
{
    /// <summary>The PBKDF2 iteration count of the test hosts (the app's: Identity's default, 100,000).</summary>
    public const int IterationCount = 1_000;

    /// <summary>Sets the test hosts' iteration count on <paramref name="services"/>.</summary>
    public static void Use(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = IterationCount);
}
