package dev.wslnet.config;

import dev.wslnet.model.DesiredState;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A desired-state file read and validated: its report, and when it has no error, the bound model
 * and the document itself (which a saved plan keeps).
 */
public record DesiredStateFile(
    FileReport report, Optional<DesiredState> state, Optional<JsonNode> document) {}
