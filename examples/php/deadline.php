<?php
// A PHP client of `liaison serve` (PHP 7.4 or later, no extension beyond json; curl not
// needed): the S5.1 deadline of an opinion, then the coded error of a bad date.
//
//     liaison serve &                       # listening on http://127.0.0.1:8080
//     php examples/php/deadline.php [URL]   # URL defaults to http://127.0.0.1:8080
//
// Without a server, the same requests go through the JSON CLI: see liaison_call_cli()
// below and docs/platforms.md.

/**
 * POSTs one request of the contract to /v1/{op}.
 * Returns [HTTP status, decoded answer or error object].
 */
function liaison_call(string $base, string $op, array $request): array
{
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\n",
        // JSON_UNESCAPED_UNICODE keeps 职责内 readable; `(object)` sends {} for an empty request.
        'content' => json_encode((object) $request, JSON_UNESCAPED_UNICODE),
        'timeout' => 30,
        'ignore_errors' => true, // read the body of a 4xx/5xx answer too: it is the coded error
    ]]);
    $body = file_get_contents("$base/v1/$op", false, $context);
    if ($body === false) {
        throw new RuntimeException("liaison serve is not reachable at $base");
    }
    // $http_response_header is set by file_get_contents: "HTTP/1.1 200 OK", then the headers.
    preg_match('{^HTTP/\S+ (\d{3})}', $http_response_header[0], $m);
    return [(int) $m[1], json_decode($body, true, 512, JSON_THROW_ON_ERROR)];
}

/**
 * The same call through `liaison call OP -` (no server): the answer on stdout and exit 0,
 * or {"error": {...}} and exit 1; exit 2 when the request could not be read.
 */
function liaison_call_cli(string $op, array $request): array
{
    $process = proc_open(['liaison', 'call', $op, '-'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], json_encode((object) $request, JSON_UNESCAPED_UNICODE));
    fclose($pipes[0]);
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    $status = proc_close($process);
    return [$status, json_decode($out, true)];
}

$base = rtrim($argv[1] ?? 'http://127.0.0.1:8080', '/');

// S5.1: received 2008-09-25, within the remit (1, "within_remit" or "职责内"): 10 days,
// moved past the National Day holiday to 2008-10-06.
[$status, $answer] = liaison_call($base, 'deadline', ['received' => '2008-09-25', 'responsibility' => '职责内']);
echo "deadline: HTTP $status ", json_encode($answer), "\n";

// A date without its leading zero: HTTP 400 and the coded error.
[$status, $error] = liaison_call($base, 'deadline', ['received' => '2008-9-25', 'responsibility' => 1]);
echo "error: HTTP $status code={$error['code']}\n";
echo "  message:    {$error['message']}\n";
echo "  message_zh: {$error['message_zh']}\n";
echo "  loc:        ", json_encode($error['loc']), "\n";

$ok = $answer === '2008-10-06' && $status === 400 && $error['code'] === 'invalid_date';
echo $ok ? "ok\n" : "UNEXPECTED ANSWER\n";
exit($ok ? 0 : 1);
