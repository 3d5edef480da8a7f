using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;

namespace PaperBot.Benchmarks;

/// <summary>
/// The floor under <c>POST /discord/interactions</c> and <c>/slack/commands</c>: verifying one request's signature
/// and nothing else, over the same bytes the peer harness sends (timestamp + a /papers points interaction).
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private static readonly byte[] Signed = Encoding.UTF8.GetBytes(
        "1764316800" + """{"id":"1","application_id":"2","type":2,"token":"t","version":1,"guild_id":"3","channel_id":"4","member":{"user":{"id":"5","username":"bench"}},"data":{"name":"papers","type":1,"options":[{"name":"points","type":1,"options":[{"name":"paper","type":3,"value":"2"}]}]}}""");

    private PublicKey _publicKey = null!;
    private byte[] _signature = null!;
    private byte[] _slackSecret = null!;
    private byte[] _slackSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        _publicKey = key.PublicKey;
        _signature = SignatureAlgorithm.Ed25519.Sign(key, Signed);
        _slackSecret = RandomNumberGenerator.GetBytes(16);
        _slackSignature = HMACSHA256.HashData(_slackSecret, Signed);
    }

    [Benchmark(Description = "Ed25519 verify (Discord)")]
    public bool VerifyEd25519() => SignatureAlgorithm.Ed25519.Verify(_publicKey, Signed, _signature);

    [Benchmark(Description = "HMAC-SHA256 verify (Slack)")]
    public bool VerifyHmac()
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_slackSecret, Signed, mac);
        return CryptographicOperations.FixedTimeEquals(mac, _slackSignature);
    }
}
