global using KetamineCds.Web.Tests.Infrastructure;
