package org.nre.hostkit.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;

/**
 * The JSON mapping of the host API's values. Its value types carry no third-party annotations, so the type names
 * of panel components and action results are added here through mix-ins. A console that writes JSON of its own
 * can use this mapper for all of it.
 */
public final class JsonMapping {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Component.LabelledValue.class, name = "labelled-value"),
            @JsonSubTypes.Type(value = Component.StatusBadge.class, name = "status-badge"),
            @JsonSubTypes.Type(value = Component.Notice.class, name = "notice"),
            @JsonSubTypes.Type(value = Component.LongText.class, name = "long-text"),
            @JsonSubTypes.Type(value = Component.Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = Component.Checkbox.class, name = "checkbox"),
            @JsonSubTypes.Type(value = Component.TextInput.class, name = "text-input"),
            @JsonSubTypes.Type(value = Component.SecretInput.class, name = "secret-input"),
            @JsonSubTypes.Type(value = Component.Hidden.class, name = "hidden"),
            @JsonSubTypes.Type(value = Component.Table.class, name = "table"),
            @JsonSubTypes.Type(value = Component.Button.class, name = "button")})
    interface ComponentMixIn {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ActionResult.Success.class, name = "success"),
            @JsonSubTypes.Type(value = ActionResult.Invalid.class, name = "invalid"),
            @JsonSubTypes.Type(value = ActionResult.Conflict.class, name = "conflict"),
            @JsonSubTypes.Type(value = ActionResult.Unavailable.class, name = "unavailable")})
    interface ActionResultMixIn {
    }

    private JsonMapping() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addMixIn(Component.class, ComponentMixIn.class)
                .addMixIn(ActionResult.class, ActionResultMixIn.class)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new JavaTimeModule())
                .build();
    }
}
