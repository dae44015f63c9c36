package org.failback.web.portal;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Lets page expressions read record components ({@code #{job.percent}}) as properties. Faces 4.0's resolver chain
 * only knows JavaBean getters, and the views the pages show (JobView, PoolJobPlan, UserItem) are records.
 */
public class RecordResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        RecordComponent component = component(base, property);
        if (component == null) {
            return null;
        }
        try {
            Object value = component.getAccessor().invoke(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ELException(
                    "cannot read " + property + " of " + base.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        RecordComponent component = component(base, property);
        if (component == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException(
                    property + " of " + base.getClass().getSimpleName() + " is read-only");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }

    private static RecordComponent component(Object base, Object property) {
        if (base == null || property == null || !base.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : base.getClass().getRecordComponents()) {
            if (component.getName().equals(property.toString())) {
                return component;
            }
        }
        return null;
    }
}
