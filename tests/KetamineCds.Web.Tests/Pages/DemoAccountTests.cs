using System.Net;
using System.Net.Http.Json;

namespace KetamineCds.Web.Tests.Pages;

public sealed class DemoAccountTests
{
    [Fact]
    public async Task DemoAccounts_OutsideDevelopment_DoNotExistAndAreNotAdvertised()
    {
        using var factory = new KetamineCdsFactory { EnvironmentName = "Production" };
        // Outside Development every cookie (the sign-in form's anti-forgery cookie too) is Secure: HTTPS only.
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password });
        var page = await client.GetStringAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.DoesNotContain("demo.local", page, StringComparison.Ordinal);
        Assert.DoesNotContain(KetamineCdsFactory.Password, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KetamineCdsFactory.Psychiatrist)]
    [InlineData(KetamineCdsFactory.Staff)]
    [InlineData(KetamineCdsFactory.Auditor)]
    [InlineData(KetamineCdsFactory.Admin)]
    public async Task DemoAccounts_InDevelopment_SignInWithTheContractPassword(string email)
    {
        using var factory = new KetamineCdsFactory();

        var login = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email, password = KetamineCdsFactory.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
