namespace KetamineCds.Infrastructure.Data;

/// <summary>Which database engine holds the app's data (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider { Sqlite, Postgres }
