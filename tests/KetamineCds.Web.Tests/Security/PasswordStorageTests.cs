using System.Buffers.Binary;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// How the app stores passwords (docs/security.md, "Password storage"): Identity's hasher, PBKDF2 with HMAC-SHA512,
/// 100,000 iterations, a 128-bit salt. Checked on a host with the app's own services: the other test hosts hash with
/// fewer iterations (<see cref="TestPasswordHashing"/>), so this is the test that sees the app's count.
/// </summary>
public sealed class PasswordStorageTests : IDisposable
{
    private const int KeyDerivationPrfSha512 = 2; // Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivationPrf.HMACSHA512

    private readonly string _folder = Directory.CreateTempSubdirectory("ketaminecds-passwords-").FullName;

    [Fact]
    public async Task AppsOwnHasher_StoresAnAccountsPasswordWithPbkdf2HmacSha512_100000Iterations_And128BitSalt()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={Path.Combine(_folder, "app.db")}");
            builder.UseSetting("Audit:CheckpointDirectory", Path.Combine(_folder, "checkpoints"));
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        // A demo account made at start-up, with the app's hasher.
        var user = await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist);
        var hash = Convert.FromBase64String(Assert.IsType<string>(user?.PasswordHash));

        // Identity's format 3: 0x01, then the PRF, the iteration count and the salt length (big-endian 32-bit each).
        Assert.Equal(0x01, hash[0]);
        Assert.Equal((uint)KeyDerivationPrfSha512, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)));
        Assert.Equal(100_000u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)));
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9, 4)));
        Assert.True(await users.CheckPasswordAsync(user!, KetamineCdsFactory.Password));
    }

    [Fact]
    public async Task TestHosts_HashWithTheirOwnCount_AndAnAccountHashedByTheAppStillSignsInThere()
    {
        // The test hosts' count is theirs alone; a hash stored with the app's count is still read (the count is in the hash).
        using var factory = new KetamineCdsFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(KetamineCdsFactory.Psychiatrist))!;
        Assert.Equal((uint)TestPasswordHashing.IterationCount, BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(user.PasswordHash!).AsSpan(5, 4)));

        user.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(user, KetamineCdsFactory.Password);
        Assert.True((await users.UpdateAsync(user)).Succeeded);
        Assert.True(await users.CheckPasswordAsync(user, KetamineCdsFactory.Password));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
