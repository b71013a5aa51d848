package io.slacker.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a code block into compilable sources, by the convention in docs-samples/README.md:
 * <ul>
 *   <li>top-level declarations ({@code package}, {@code import}, a class, interface, record or enum,
 *       with the annotations above it) become source files of their own, in package
 *       {@value #PACKAGE} unless the block names one;</li>
 *   <li>the other lines are statements, compiled in order as the body of a method of a
 *       subclass of {@code samples.SampleContext}, which declares the variables samples use;</li>
 *   <li>{@code <!-- sample: class body implementing X -->} above a block compiles it as the body
 *       of an abstract class implementing {@code X};</li>
 *   <li>{@code <!-- sample: skip, <reason> -->} leaves it out, with the reason in the report.</li>
 * </ul>
 */
final class SampleUnits {

  static final String PACKAGE = "samples";

  private static final Pattern TYPE = Pattern.compile(
      "^\\s*((public|abstract|final|sealed|non-sealed|static)\\s+)*(class|interface|record|enum|@interface)\\s+(\\w+).*");
  private static final Pattern ANNOTATION = Pattern.compile("^\\s*@\\w+(\\(.*\\))?\\s*(//.*)?$");
  private static final Pattern HEADER = Pattern.compile("^\\s*(package|import)\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;.*");
  private static final Pattern CLASS_BODY = Pattern.compile("class body(?: implementing ([\\w.]+))?");

  private final List<String> imports;

  /** @param imports the import lines every sample without a package of its own starts with */
  SampleUnits(List<String> imports) {
    this.imports = imports;
  }

  /** @return the block's package, or {@code null} when it declares none */
  static String declaredPackage(CodeBlock block) {
    for (String line : block.lines()) {
      Matcher header = HEADER.matcher(line);
      if (header.matches() && header.group(1).equals("package")) {
        return header.group(3);
      }
    }
    return null;
  }

  static boolean skipped(CodeBlock block) {
    return block.directive() != null && block.directive().startsWith("skip");
  }

  List<SourceUnit> units(CodeBlock block) {
    if (skipped(block)) {
      return List.of();
    }
    if (block.directive() != null) {
      Matcher body = CLASS_BODY.matcher(block.directive());
      if (!body.matches()) {
        throw new IllegalArgumentException(block.where(-1) + ": unknown sample directive '" + block.directive()
            + "': use 'class body', 'class body implementing X' or 'skip, <reason>'");
      }
      return List.of(classBody(block, body.group(1)));
    }
    List<Integer> header = new ArrayList<>();
    List<List<Integer>> types = new ArrayList<>();
    List<Integer> statements = new ArrayList<>();
    List<Integer> annotations = new ArrayList<>();
    List<Integer> current = statements;
    int depth = 0;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.lines().get(i);
      if (depth == 0) {
        if (HEADER.matcher(line).matches()) {
          header.add(i);
          continue;
        }
        if (ANNOTATION.matcher(line).matches()) {
          annotations.add(i);   // belongs to the type below, if a type follows
          continue;
        }
        if (TYPE.matcher(line).matches()) {
          current = new ArrayList<>(annotations);
          types.add(current);
        } else {
          current = statements;
          statements.addAll(annotations);
        }
        annotations.clear();
      }
      current.add(i);
      depth += Braces.count(line);
    }
    statements.addAll(annotations);
    String pkg = declaredPackage(block);
    List<SourceUnit> units = new ArrayList<>();
    for (List<Integer> type : types) {
      units.add(typeUnit(block, pkg, header, type));
    }
    if (statements.stream().anyMatch(i -> !block.lines().get(i).isBlank() && !isComment(block.lines().get(i)))) {
      units.add(statementUnit(block, header, statements));
    }
    return units;
  }

  private SourceUnit typeUnit(CodeBlock block, String pkg, List<Integer> header, List<Integer> lines) {
    String name = null;
    for (int i : lines) {
      Matcher type = TYPE.matcher(block.lines().get(i));
      if (type.matches()) {
        name = type.group(4);
        break;
      }
    }
    SourceUnit unit = new SourceUnit((pkg == null ? PACKAGE : pkg) + "." + name);
    if (pkg == null) {
      start(unit, block);
    }
    header.forEach(i -> unit.line(block, i));
    lines.forEach(i -> unit.line(block, i));
    return unit;
  }

  private SourceUnit statementUnit(CodeBlock block, List<Integer> header, List<Integer> lines) {
    String name = className(block);
    SourceUnit unit = new SourceUnit(PACKAGE + "." + name);
    start(unit, block);
    header.stream().filter(i -> !block.lines().get(i).trim().startsWith("package")).forEach(i -> unit.line(block, i));
    unit.wrapper("abstract class " + name + " extends SampleContext {", block.where(0));
    unit.wrapper("  void sample() throws Exception {", block.where(0));
    lines.forEach(i -> unit.line(block, i));
    unit.wrapper("  }", block.where(block.lines().size() - 1));
    return unit.wrapper("}", block.where(block.lines().size() - 1));
  }

  private SourceUnit classBody(CodeBlock block, String implemented) {
    String name = className(block);
    SourceUnit unit = new SourceUnit(PACKAGE + "." + name);
    start(unit, block);
    unit.wrapper("abstract class " + name + " extends SampleContext"
        + (implemented == null ? "" : " implements " + implemented) + " {", block.where(0));
    for (int i = 0; i < block.lines().size(); i++) {
      unit.line(block, i);
    }
    return unit.wrapper("}", block.where(block.lines().size() - 1));
  }

  private void start(SourceUnit unit, CodeBlock block) {
    unit.wrapper("package " + PACKAGE + ";", block.where(0));
    imports.forEach(line -> unit.wrapper(line, block.where(0)));
  }

  /** @return e.g. {@code Sample_guide_md_322} */
  private static String className(CodeBlock block) {
    String file = block.file().substring(block.file().lastIndexOf('/') + 1).replaceAll("\\W", "_");
    return "Sample_" + file + "_" + block.firstLine();
  }

  private static boolean isComment(String line) {
    String trimmed = line.trim();
    return trimmed.startsWith("//") || trimmed.startsWith("/*") || trimmed.startsWith("*");
  }
}
