// Parses Java files with javac's own parser (unicode escapes, comments and all) and prints,
// per file, one JSON line: the tree's node kinds in order with string literal values left
// out, and the string literal values in the same order. Used by snippet-injection.test.ts.
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

public class JavaLiterals {
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == ':' || c == '.') out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }

    public static void main(String[] args) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        for (String path : args) {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, java.nio.charset.StandardCharsets.UTF_8);
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null, files.getJavaFileObjects(new File(path)));
            List<String> kinds = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void scan(Tree tree, Void p) {
                        if (tree == null) return null;
                        String kind = tree.getKind().toString();
                        if (tree instanceof LiteralTree literal && literal.getValue() instanceof String value) values.add(json(value));
                        else if (tree instanceof LiteralTree literal) kind += ":" + literal.getValue();
                        else if (tree instanceof com.sun.source.tree.IdentifierTree id) kind += ":" + id.getName();
                        else if (tree instanceof com.sun.source.tree.MemberSelectTree member) kind += ":" + member.getIdentifier();
                        kinds.add(json(kind));
                        return super.scan(tree, p);
                    }
                }.scan(unit, null);
            }
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(json(d.getMessage(null)));
            System.out.println("{\"kinds\":[" + String.join(",", kinds) + "],\"values\":[" + String.join(",", values) + "],\"errors\":[" + String.join(",", errors) + "]}");
        }
    }
}
