using System.Data;
using System.Data.Common;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Delivery;

/// <summary>What the delivery record needs of a database: its connections, its transactions and how it keeps dates and instants.</summary>
internal abstract class DeliveryDatabase
{
    public abstract ColumnReaders Columns { get; }

    /// <summary>
    /// Runs the claim (<paramref name="claim"/> holds the key, item, owner and time) and says, as of one moment, whether the
    /// owner holds the delivery's lease and, if the item was claimed, its attempt count.
    /// </summary>
    public abstract Task<(bool Leased, int? Attempts)> ClaimAsync(DbCommand claim, CancellationToken ct);

    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// The transaction a decision is made in. SQLite: <c>BEGIN IMMEDIATE</c>, so the write lock is taken before the first
    /// read and two processes on one file decide one after the other (waiting through the busy timeout). Null where each
    /// decision's one statement is transaction enough (PostgreSQL), which saves a round trip per decision.
    /// </summary>
    public abstract Task<DbTransaction?> BeginDecisionAsync(DbConnection connection, CancellationToken ct);

    public abstract void AddDate(DbCommand command, string name, DateOnly date);

    public abstract void AddInstant(DbCommand command, string name, DateTimeOffset? instant);

    public static void AddText(DbCommand command, string name, string? value) => Add(command, name, DbType.String, value);

    public static void AddInteger(DbCommand command, string name, int value) => Add(command, name, DbType.Int32, value);

    public static void AddBoolean(DbCommand command, string name, bool value) => Add(command, name, DbType.Boolean, value);

    protected static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
