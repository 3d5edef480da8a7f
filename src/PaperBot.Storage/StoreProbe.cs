namespace PaperBot.Storage;

/// <summary>Whether the archive's database answers, and what an operator reads about it (no connection string, no password).</summary>
public sealed record StoreProbe(bool Answers, string Detail)
{
    public static StoreProbe Ok(string detail) => new(true, detail);

    public static StoreProbe Failed(string detail) => new(false, detail);
}
