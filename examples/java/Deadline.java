// A Java 17 client of `liaison serve`: JDK only (java.net.http), no build tool.
//
//     liaison serve &                                  # listening on http://127.0.0.1:8080
//     java examples/java/Deadline.java [URL]           # URL defaults to http://127.0.0.1:8080
//
// It asks for the S5.1 deadline of an opinion received on 2008-09-25 that is within the
// organisation's remit (10 days, moved past the National Day holiday: 2008-10-06), then
// sends a date without its leading zero to show the coded error every operation answers
// with: HTTP 400 and {"code", "message", "message_zh", "loc", "rule"?}.
//
// A platform would map the JSON with its own library (Jackson in Spring Boot, Fastjson in
// RuoYi); this file reads the two fields it prints with a regular expression to stay JDK only.
// Exit status: 0 when both answers are as expected, 1 otherwise.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Deadline {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** POSTs one request of the contract to /v1/{op}; the JSON text goes as UTF-8. */
    static HttpResponse<String> call(String base, String op, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/" + op))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The text value of a top-level key of a JSON object (enough for this example). */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://127.0.0.1:8080";
        boolean ok = true;

        // S5.1: keys are snake_case; the class may be 1, "within_remit" or "职责内".
        HttpResponse<String> answer = call(base, "deadline",
                "{\"received\": \"2008-09-25\", \"responsibility\": \"职责内\"}");
        System.out.println("deadline: HTTP " + answer.statusCode() + " " + answer.body());
        ok &= answer.statusCode() == 200 && answer.body().equals("\"2008-10-06\"");

        // A bad date: a coded error, in English and Chinese, with its place.
        HttpResponse<String> error = call(base, "deadline",
                "{\"received\": \"2008-9-25\", \"responsibility\": 1}");
        String code = field(error.body(), "code");
        System.out.println("error: HTTP " + error.statusCode() + " code=" + code);
        System.out.println("  message:    " + field(error.body(), "message"));
        System.out.println("  message_zh: " + field(error.body(), "message_zh"));
        System.out.println("  body:       " + error.body());
        ok &= error.statusCode() == 400 && "invalid_date".equals(code);

        System.out.println(ok ? "ok" : "UNEXPECTED ANSWER");
        System.exit(ok ? 0 : 1);
    }
}
